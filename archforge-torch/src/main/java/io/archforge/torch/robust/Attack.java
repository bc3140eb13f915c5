package io.archforge.torch.robust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A perturbation of images on the [0, 1] pixel scale, of size {@link #epsilon()}. Every
 * perturbed pixel is clipped to [0, 1]. The network receives the perturbed pixels after
 * the same normalisation as in training ({@link PixelScale}), so epsilon does not depend
 * on how the network's input is scaled.
 *
 * <p>Records validate their settings: epsilon must be a finite number in [0, 1].
 */
public sealed interface Attack permits Attack.GaussianNoise, Attack.Fgsm, Attack.Pgd,
        Attack.Brightness, Attack.Contrast {

    /** Name of {@link GaussianNoise}. */
    String NOISE = "noise";
    /** Name of {@link Fgsm}. */
    String FGSM = "fgsm";
    /** Name of {@link Pgd}. */
    String PGD = "pgd";
    /** Name of {@link Brightness}. */
    String BRIGHTNESS = "brightness";
    /** Name of {@link Contrast}. */
    String CONTRAST = "contrast";

    /** The name on the command line and in stored settings, such as {@code fgsm}. */
    String name();

    /** The size of the perturbation on the [0, 1] pixel scale. */
    double epsilon();

    /** Returns whether the attack reads the gradient of the loss with respect to the pixels. */
    default boolean usesGradient() {
        return false;
    }

    /**
     * Returns the settings as trial attributes: {@code attack}, {@code attack_epsilon}
     * and, for PGD, {@code attack_steps} and {@code attack_step_size}.
     */
    default Map<String, String> attributes() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("attack", name());
        values.put("attack_epsilon", Double.toString(epsilon()));
        return values;
    }

    /** Returns the attack names {@link #of} accepts, in a fixed order. */
    static List<String> names() {
        return List.of(NOISE, FGSM, PGD, BRIGHTNESS, CONTRAST);
    }

    /**
     * Creates the attack {@code name} of size {@code epsilon}, PGD with
     * {@value Pgd#STANDARD_STEPS} steps.
     *
     * @throws IllegalArgumentException naming the unknown attack or the invalid epsilon
     */
    static Attack of(String name, double epsilon) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case NOISE -> new GaussianNoise(epsilon);
            case FGSM -> new Fgsm(epsilon);
            case PGD -> new Pgd(epsilon, Pgd.STANDARD_STEPS);
            case BRIGHTNESS -> new Brightness(epsilon);
            case CONTRAST -> new Contrast(epsilon);
            default -> throw new IllegalArgumentException("unknown attack '" + name
                    + "': use one of " + String.join(", ", names()));
        };
    }

    /**
     * Checks that {@code epsilon} is a finite number in [0, 1].
     *
     * @throws IllegalArgumentException naming the value and the valid range
     */
    static void requireEpsilon(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("invalid epsilon " + epsilon
                    + ": it must be a number from 0 to 1 on the [0, 1] pixel scale, such as 0.1");
        }
    }

    /**
     * Gaussian noise of standard deviation epsilon, drawn independently for every pixel.
     * Unlike the other attacks it is not bounded by epsilon.
     */
    record GaussianNoise(double epsilon) implements Attack {
        public GaussianNoise {
            requireEpsilon(epsilon);
        }

        @Override
        public String name() {
            return NOISE;
        }
    }

    /**
     * The fast gradient sign method of Goodfellow, Shlens and Szegedy, "Explaining and
     * Harnessing Adversarial Examples" (ICLR 2015, arXiv 1412.6572): one step of size
     * epsilon along the sign of the loss gradient.
     */
    record Fgsm(double epsilon) implements Attack {
        public Fgsm {
            requireEpsilon(epsilon);
        }

        @Override
        public String name() {
            return FGSM;
        }

        @Override
        public boolean usesGradient() {
            return true;
        }
    }

    /**
     * Projected gradient descent on the negative loss, after Madry, Makelov, Schmidt,
     * Tsipras and Vladu, "Towards Deep Learning Models Resistant to Adversarial Attacks"
     * (ICLR 2018, arXiv 1706.06083). It starts at a uniform random point of the
     * L-infinity ball of radius epsilon, then takes {@code steps} signed-gradient steps
     * of {@link #stepSize()}, projecting back onto the ball and into [0, 1] after each.
     *
     * @param steps gradient steps, at least 1
     */
    record Pgd(double epsilon, int steps) implements Attack {
        /** The steps {@link Attack#of} uses. */
        public static final int STANDARD_STEPS = 10;

        public Pgd {
            requireEpsilon(epsilon);
            if (steps < 1) {
                throw new IllegalArgumentException("invalid PGD steps " + steps
                        + ": it must be 1 or more, such as " + STANDARD_STEPS);
            }
        }

        @Override
        public String name() {
            return PGD;
        }

        @Override
        public boolean usesGradient() {
            return true;
        }

        /**
         * Returns 2.5 epsilon / steps. The steps together cover 2.5 epsilon, more than the
         * ball's diameter, so they can reach any point of the ball from the random start.
         */
        public double stepSize() {
            return 2.5 * epsilon / steps;
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> values = Attack.super.attributes();
            values.put("attack_steps", Integer.toString(steps));
            values.put("attack_step_size", Double.toString(stepSize()));
            return values;
        }
    }

    /** A common corruption: epsilon added to every pixel. */
    record Brightness(double epsilon) implements Attack {
        public Brightness {
            requireEpsilon(epsilon);
        }

        @Override
        public String name() {
            return BRIGHTNESS;
        }
    }

    /**
     * A common corruption: each image's pixels moved towards the image's mean pixel by the
     * fraction epsilon, so epsilon 1 leaves a uniform grey image.
     */
    record Contrast(double epsilon) implements Attack {
        public Contrast {
            requireEpsilon(epsilon);
        }

        @Override
        public String name() {
            return CONTRAST;
        }
    }
}

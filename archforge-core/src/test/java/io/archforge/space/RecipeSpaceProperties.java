package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Properties of mutation and neighbours on the mixed {@code macro+recipe} space. */
class RecipeSpaceProperties {

    private static final ChoiceSpace JOINT = RecipeSpace.create();
    private static final ChoiceSpace NARROW = RecipeSpace.create(RecipeRanges.defaults()
            .with("learning_rate=0.01:0.011").with("dropout=0.2:0.2")
            .with("batch_size=64:100"), false);

    @Property
    void mutationStaysInBoundsAndChangesOneChoice(@ForAll long seed) {
        for (ChoiceSpace space : new ChoiceSpace[] {JOINT, NARROW}) {
            SplittableRandom random = new SplittableRandom(seed);
            Architecture parent = space.sample(random);

            Architecture child = space.mutate(parent, random);

            int changed = 0;
            for (int i = 0; i < space.choices().size(); i++) {
                Choice choice = space.choices().get(i);
                assertThat(choice.accepts(child.genes().get(i)))
                        .as("%s = %s", choice.name(), child.genes().get(i)).isTrue();
                if (!child.genes().get(i).equals(parent.genes().get(i))) {
                    changed++;
                }
            }
            assertThat(changed).as("choices changed from %s to %s", parent, child)
                    .isEqualTo(1);
            assertThat(space.parse(child.text())).isEqualTo(child);
        }
    }

    @Property(tries = 200)
    void neighboursStayInBoundsAndChangeOneChoice(@ForAll long seed) {
        Architecture center = JOINT.sample(new SplittableRandom(seed));

        for (Architecture neighbour : JOINT.neighbours(center)) {
            int changed = 0;
            for (int i = 0; i < JOINT.choices().size(); i++) {
                assertThat(JOINT.choices().get(i).accepts(neighbour.genes().get(i))).isTrue();
                if (!neighbour.genes().get(i).equals(center.genes().get(i))) {
                    changed++;
                }
            }
            assertThat(changed).isEqualTo(1);
        }
    }
}

package io.archforge.space;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * A base space narrowed to a fixed list of members, such as the architectures a
 * benchmark measured. A benchmark that sampled 10,000 architectures of a space of 1e12
 * or more has results for those only, so every proposal must be one of them.
 *
 * <p>Like {@link RefinedSpace}, it presents itself as its base: {@link #name()},
 * {@link #choices()}, {@link #of} and {@link #parse} are the base's, and
 * {@link #unrestricted()} returns the base. The operations that propose architectures
 * return members only: {@link #sample} draws a member uniformly, {@link #mutate} mutates
 * in the base and moves the child to the nearest member other than the parent, and
 * {@link #neighbours} lists the members nearest to the center. Distance is the number of
 * differing entries of the feature vectors the space was built with, such as
 * {@link HwGptSpace#activeGenes}, so inactive choices do not count.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MeasuredSpace implements SearchSpace {

    /** The maximum number of queries {@link #nearest} remembers before it clears its cache. */
    private static final int NEAREST_CACHE_SIZE = 100_000;

    private final SearchSpace base;
    private final List<Architecture> members;
    private final Function<Architecture, int[]> features;
    private final int[][] memberFeatures;
    /** The member features packed by {@link #codes}, when every position fits a code. */
    private final Optional<FeatureCodes> codes;
    private final long[] packedMembers;
    private final Map<String, Integer> indexByKey;
    /**
     * The nearest members of recent queries, by query key and excluded position. Mutation
     * of one parent reaches the same children again and again, and each search scans
     * every member. The cache changes no result, because ties are still drawn per call.
     */
    private final Map<String, int[]> nearestCache = new ConcurrentHashMap<>();

    private MeasuredSpace(SearchSpace base, List<Architecture> members,
            Function<Architecture, int[]> features) {
        this.base = base;
        this.members = members;
        this.features = features;
        this.memberFeatures = members.stream().map(features).toArray(int[][]::new);
        this.codes = FeatureCodes.of(memberFeatures);
        this.packedMembers = codes.map(this::pack).orElse(new long[0]);
        this.indexByKey = new HashMap<>(members.size() * 2);
        for (int i = 0; i < members.size(); i++) {
            indexByKey.put(members.get(i).isomorphismKey(), i);
        }
    }

    /**
     * Narrows {@code base} to {@code members}, kept in the given order.
     *
     * @param features the vector distances are counted over; it must have the same length
     *     for every architecture of the base
     * @throws IllegalArgumentException when there is no member, a member is not of the
     *     base, or two members are the same network
     */
    public static MeasuredSpace of(SearchSpace base, List<Architecture> members,
            Function<Architecture, int[]> features) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(features, "features");
        List<Architecture> copy = List.copyOf(members);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a measured space of '" + base.name()
                    + "' needs at least one member");
        }
        Map<String, Architecture> seen = new HashMap<>();
        for (Architecture member : copy) {
            if (!member.space().equals(base.name())) {
                throw new IllegalArgumentException("member '" + member.text() + "' of space '"
                        + member.space() + "' is not in space '" + base.name() + "'");
            }
            Architecture before = seen.putIfAbsent(member.isomorphismKey(), member);
            if (before != null) {
                throw new IllegalArgumentException("members '" + before.text() + "' and '"
                        + member.text() + "' of a measured space of '" + base.name()
                        + "' are the same network");
            }
        }
        return new MeasuredSpace(base, copy, features);
    }

    /** Returns the members in the order they were given. */
    public List<Architecture> members() {
        return members;
    }

    /** Returns whether {@code architecture} is the same network as a member. */
    public boolean contains(Architecture architecture) {
        return indexOf(architecture).isPresent();
    }

    /** Returns the position of the member that is the same network, if any. */
    public OptionalInt indexOf(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        Integer index = architecture.space().equals(base.name())
                ? indexByKey.get(architecture.isomorphismKey()) : null;
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /**
     * Returns {@code architecture} when it is a member, and otherwise the nearest member,
     * drawn at random among equally near ones.
     */
    public Architecture project(Architecture architecture, RandomGenerator random) {
        OptionalInt index = indexOf(architecture);
        if (index.isPresent()) {
            return members.get(index.getAsInt());
        }
        return nearest(architecture, -1, random);
    }

    private long[] pack(FeatureCodes featureCodes) {
        long[] packed = new long[memberFeatures.length * featureCodes.words()];
        for (int i = 0; i < memberFeatures.length; i++) {
            featureCodes.pack(memberFeatures[i], packed, i * featureCodes.words());
        }
        return packed;
    }

    /**
     * Returns a function from member position to its distance from {@code architecture},
     * stopping once the distance passes the given limit.
     */
    private MemberDistance distancesFrom(Architecture architecture) {
        int[] query = features.apply(architecture);
        if (codes.isEmpty()) {
            return (member, limit) -> distance(query, memberFeatures[member], limit);
        }
        FeatureCodes featureCodes = codes.get();
        int words = featureCodes.words();
        long[] packed = new long[words];
        featureCodes.pack(query, packed, 0);
        return (member, limit) ->
                featureCodes.distance(packed, 0, packedMembers, member * words, limit);
    }

    /** The distance from one query to the member at a position, up to a limit. */
    @FunctionalInterface
    private interface MemberDistance {
        int to(int member, int limit);
    }

    /**
     * Returns the member nearest to {@code architecture} other than the member at
     * {@code excluded} (-1 for none), drawn at random among equally near ones.
     */
    private Architecture nearest(Architecture architecture, int excluded,
            RandomGenerator random) {
        String key = architecture.isomorphismKey() + "|" + excluded;
        int[] ties = nearestCache.get(key);
        if (ties == null) {
            ties = nearestMembers(architecture, excluded);
            if (nearestCache.size() >= NEAREST_CACHE_SIZE) {
                nearestCache.clear();
            }
            nearestCache.put(key, ties);
        }
        return members.get(ties[random.nextInt(ties.length)]);
    }

    /** Lists the positions of the members nearest to {@code architecture}, in order. */
    private int[] nearestMembers(Architecture architecture, int excluded) {
        MemberDistance distances = distancesFrom(architecture);
        int best = Integer.MAX_VALUE;
        List<Integer> ties = new ArrayList<>();
        for (int i = 0; i < memberFeatures.length; i++) {
            if (i == excluded) {
                continue;
            }
            int distance = distances.to(i, best);
            if (distance < best) {
                best = distance;
                ties.clear();
            }
            if (distance == best) {
                ties.add(i);
            }
        }
        return ties.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Counts differing entries, stopping once the count passes {@code limit}. */
    private static int distance(int[] a, int[] b, int limit) {
        int count = 0;
        for (int i = 0; i < a.length && count <= limit; i++) {
            if (a[i] != b[i]) {
                count++;
            }
        }
        return count;
    }

    /** Returns the number of differing feature entries of two architectures of the base. */
    public int distance(Architecture a, Architecture b) {
        return distance(features.apply(a), features.apply(b), Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public List<Choice> choices() {
        return base.choices();
    }

    /** Builds the base architecture with these genes; it need not be a member. */
    @Override
    public Architecture of(List<? extends Number> genes) {
        return base.of(genes);
    }

    /** Parses any architecture of the base; it need not be a member. */
    @Override
    public Architecture parse(String text) {
        return base.parse(text);
    }

    /** Draws a member uniformly. */
    @Override
    public Architecture sample(RandomGenerator random) {
        return members.get(random.nextInt(members.size()));
    }

    /**
     * Mutates {@code parent} in the base and returns the child when it is a member other
     * than the parent, and otherwise the member nearest to the child other than the
     * parent. A parent that is not a member is instead moved to its nearest member.
     *
     * @throws IllegalStateException when the space has a single member
     */
    @Override
    public Architecture mutate(Architecture parent, RandomGenerator random) {
        OptionalInt parentIndex = indexOf(parent);
        if (parentIndex.isEmpty()) {
            return project(parent, random);
        }
        if (members.size() < 2) {
            throw new IllegalStateException("measured space of '" + name()
                    + "' has a single member, so nothing can be mutated");
        }
        Architecture child = base.mutate(parent, random);
        OptionalInt childIndex = indexOf(child);
        if (childIndex.isPresent() && childIndex.getAsInt() != parentIndex.getAsInt()) {
            return members.get(childIndex.getAsInt());
        }
        return nearest(child, parentIndex.getAsInt(), random);
    }

    /**
     * Lists the members nearest to {@code center}, as many as the base has neighbours of
     * it, nearest first and in member order among equally near ones. The center itself is
     * left out.
     */
    @Override
    public List<Architecture> neighbours(Architecture center) {
        int count = Math.max(1, base.neighbours(center).size());
        MemberDistance distance = distancesFrom(center);
        int skipped = indexOf(center).orElse(-1);
        int[] distances = new int[memberFeatures.length];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = distance.to(i, Integer.MAX_VALUE);
        }
        return IntStream.range(0, members.size()).filter(i -> i != skipped).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> distances[i])
                        .thenComparingInt(i -> i))
                .limit(count).map(members::get).toList();
    }

    /** Returns the number of members. */
    @Override
    public long size() {
        return members.size();
    }

    /**
     * Returns the base space, whose architectures this space parses and builds.
     *
     * <p>NOTE: {@link RefinedSpace#restrict} narrows this base, not the members, so a
     * refined measured space proposes architectures that were not measured.
     */
    @Override
    public SearchSpace unrestricted() {
        return base;
    }

    @Override
    public String toString() {
        return "space '" + name() + "' measured at " + members.size() + " architectures";
    }
}

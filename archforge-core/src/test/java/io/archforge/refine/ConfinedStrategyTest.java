package io.archforge.refine;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfinedStrategyTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final RefinedSpace REFINED = RefinedSpace.restrict(NB201,
            Map.of("0->1", List.of("nor_conv_3x3"), "1->2", List.of("skip_connect")));
    private static final Architecture OUTSIDE =
            NB201.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

    /** Proposes one fixed architecture, whatever the space. */
    private record Fixed(Architecture architecture) implements Strategy {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Architecture ask(AskContext context) {
            return architecture;
        }

        @Override
        public void tell(FrozenTrial trial) {
        }
    }

    private static AskContext context() {
        return new AskContext(REFINED, List.of(Objective.maximize("accuracy")),
                new SplittableRandom(1), 0, a -> false);
    }

    @Test
    void outsideProposalMovedInside() {
        Strategy confined = ConfinedStrategy.confine(new Fixed(OUTSIDE), REFINED);

        Proposal proposal = confined.propose(context());

        assertThat(REFINED.contains(proposal.architecture())).isTrue();
        assertThat(proposal.architecture().text())
                .isEqualTo("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|none~2|");
        assertThat(proposal.attributes())
                .containsEntry(ConfinedStrategy.PROJECTED_FROM, OUTSIDE.text());
    }

    @Test
    void memberProposalUnchanged() {
        Architecture member = REFINED.sample(new SplittableRandom(2));
        Strategy confined = ConfinedStrategy.confine(new Fixed(member), REFINED);

        Proposal proposal = confined.propose(context());

        assertThat(proposal.architecture()).isEqualTo(member);
        assertThat(proposal.attributes()).isEmpty();
    }

    @Test
    void unrefinedSpaceLeavesStrategyAlone() {
        Strategy strategy = new Fixed(OUTSIDE);

        assertThat(ConfinedStrategy.confine(strategy, NB201)).isSameAs(strategy);
    }
}

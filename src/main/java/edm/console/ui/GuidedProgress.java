package edm.console.ui;

import edm.console.ui.guided.RunListener;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A guided run's progress: the listener the workflow reports to (its calls become events on the UI's
 * queue) and how those events change the dialog's step list, attempts, log tail and result (UI thread).
 */
final class GuidedProgress {
    private GuidedProgress() {
    }

    static RunListener listener(long token, Consumer<UiEvent> post) {
        return new RunListener() {
            @Override
            public void step(String step, Phase phase, Duration elapsed, String detail) {
                post.accept(new UiEvent.GuidedStep(token, step, phase, elapsed, detail));
            }

            @Override
            public void attempt(int attempt, String problem) {
                post.accept(new UiEvent.GuidedAttempt(token, attempt, problem));
            }

            @Override
            public void log(String line) {
                post.accept(new UiEvent.GuidedLine(token, true, line));
            }

            @Override
            public void output(String line) {
                post.accept(new UiEvent.GuidedLine(token, false, line));
            }

            @Override
            public void tick() {
                post.accept(new UiEvent.GuidedTick(token));
            }
        };
    }

    /** Applies a run event to the dialog it belongs to. */
    static void apply(GuidedState g, UiEvent.Guided e, Instant now) {
        if (e instanceof UiEvent.GuidedStep s) {
            GuidedState.StepRow r = g.row(s.step());
            switch (s.phase()) {
                case BEGIN -> {
                    r.status = GuidedState.StepStatus.RUNNING;
                    r.began = now;
                    g.attempts = 0;
                    g.attemptProblem = "";
                }
                case END -> r.status = GuidedState.StepStatus.DONE;
                case FAILED -> r.status = GuidedState.StepStatus.FAILED;
                case SKIPPED -> r.status = GuidedState.StepStatus.SKIPPED;
            }
            if (s.phase() == RunListener.Phase.END && s.elapsed() != null) {
                r.elapsed = s.elapsed();
            } else if (s.phase() != RunListener.Phase.BEGIN) {
                // A failure reports the time since the workflow began, not since its step did.
                r.elapsed = r.began == null ? Duration.ZERO : Duration.between(r.began, now);
            }
            r.detail = s.detail() == null ? "" : s.detail();
        } else if (e instanceof UiEvent.GuidedAttempt a) {
            g.attempts = a.attempt();
            g.attemptProblem = a.problem() == null ? "" : a.problem();
        } else if (e instanceof UiEvent.GuidedLine l) {
            GuidedState.keep(l.log() ? g.log : g.output, l.line(), GuidedState.LOG_LINES);
        } else if (e instanceof UiEvent.GuidedFinished f) {
            g.result = f.result();
            g.stage = GuidedState.Stage.DONE;
            g.hidden = false; // the result is worth seeing even when the run was hidden
        }
    }
}

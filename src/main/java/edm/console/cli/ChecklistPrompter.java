package edm.console.cli;

import edm.console.checklist.Checklist;
import edm.console.checklist.ChecklistRun;
import edm.console.checklist.ItemResult;
import edm.console.checklist.Outcome;
import edm.console.i18n.Messages;
import edm.console.text.TerminalSafe;
import java.io.PrintWriter;
import org.jline.reader.LineReader;

/**
 * Walks a checklist run in line mode: each item with its Chinese title and English line; automatic
 * items run and print their evidence; manual items ask to confirm (optionally with a note) or skip
 * (with a reason). Works on a dumb terminal and leaves a copy-pasteable record on the screen.
 */
public final class ChecklistPrompter {
    private final LineInput in;
    private final PrintWriter out;

    /** Asks through the command's one reader (see {@link LineInput}), printing to the command's output. */
    public ChecklistPrompter(LineInput in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    public ChecklistPrompter(LineReader reader) {
        this(LineInput.of(reader), reader.getTerminal().writer());
    }

    /** Ends the walk at the end of input (Ctrl-D, Ctrl-C, a drained pipe). */
    private static final class EndOfInput extends RuntimeException {
        EndOfInput() {
            super(null, null, false, false);
        }
    }

    private String ask(String prompt) {
        String line = in.readLine(out, prompt);
        if (line == null) {
            throw new EndOfInput();
        }
        return line;
    }

    /** Walks the run to its end, or until the operator quits (Ctrl-D, Ctrl-C or q); returns true when finished. */
    public boolean walk(ChecklistRun run) {
        Checklist c = run.checklist();
        out.println("== " + c.title() + " — " + c.titleEn() + " ==");
        out.flush();
        try {
            while (!run.finished()) {
                Checklist.Item item = run.current();
                printItem(run.position() + 1, c.items().size(), item);
                if (item.automatic()) {
                    printResult(run.runAutomatic());
                } else if (!askManual(run, item)) {
                    return false;
                }
            }
        } catch (EndOfInput e) {
            out.println();
            out.println(Messages.t("checklist.cli.stopped"));
            out.flush();
            return false;
        }
        return true;
    }

    private void printItem(int n, int total, Checklist.Item item) {
        String optional = item.required() ? "" : " (" + Messages.t("checklist.optional") + ")";
        out.println();
        out.println("[" + n + "/" + total + "] " + safe(item.title()) + optional);
        if (!item.titleEn().isBlank()) {
            out.println("      " + safe(item.titleEn()));
        }
        out.flush();
    }

    private void printResult(ItemResult r) {
        out.println("      " + word(r.outcome()) + "  " + safe(r.value()));
        r.details().forEach(d -> out.println("        " + safe(d)));
        if (!r.note().isEmpty()) {
            out.println("      " + Messages.t(r.outcome() == Outcome.SKIPPED ? "checklist.report.reason" : "checklist.report.note") + ": "
                    + safe(r.note()));
        }
        if (!r.item().actions().isEmpty() && !r.outcome().satisfies()) {
            out.println("      " + Messages.t("checklist.cli.actions", String.join(", ", r.item().actions())));
        }
        out.flush();
    }

    private boolean askManual(ChecklistRun run, Checklist.Item item) {
        while (true) {
            String answer = ask(Messages.t("checklist.cli.ask") + " ").strip().toLowerCase(java.util.Locale.ROOT);
            switch (answer) {
                case "y", "yes", "是" -> {
                    String note = item.record().isEmpty() ? "" : ask(Messages.t("checklist.cli.notePrompt") + " ");
                    printResult(run.confirm(note));
                    return true;
                }
                case "n", "note", "备注" -> {
                    printResult(run.confirm(ask(Messages.t("checklist.cli.notePrompt") + " ")));
                    return true;
                }
                case "s", "skip", "跳过" -> {
                    String reason = "";
                    while (reason.isBlank()) {
                        reason = ask(Messages.t("checklist.cli.reasonPrompt") + " ").strip();
                    }
                    printResult(run.skip(reason));
                    return true;
                }
                case "q", "quit", "退出" -> {
                    out.println(Messages.t("checklist.cli.stopped"));
                    out.flush();
                    return false;
                }
                default -> {
                    out.println(Messages.t("checklist.cli.badAnswer", answer));
                    out.flush();
                }
            }
        }
    }

    static String word(Outcome o) {
        return Messages.t("checklist.outcome." + o.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String safe(String s) {
        return TerminalSafe.clean(s);
    }
}

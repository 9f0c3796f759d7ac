package edm.console.cli;

/** The width to lay line-mode output out for: $COLUMNS when set (interactive shells), else 120. */
final class Terminal {
    private Terminal() {
    }

    static int width() {
        String c = System.getenv("COLUMNS");
        try {
            return c == null ? 120 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}

package edm.console.ui;

/** A piece of text and what it means. */
public record StyledText(String text, Style style) {
    public static StyledText of(String text, Style style) {
        return new StyledText(text == null ? "" : text, style);
    }

    public static StyledText plain(String text) {
        return of(text, Style.NORMAL);
    }
}

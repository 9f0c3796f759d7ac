package edm.console.text;

/** Where text sits inside a column that is wider than the text. */
public enum Align {
    LEFT, RIGHT, CENTER
}

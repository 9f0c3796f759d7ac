package edm.console.compose;

/** A compose file or env file the console cannot use or change; the message is one translated line naming the file. */
public final class ComposeException extends RuntimeException {
    public ComposeException(String message) {
        super(message);
    }
}

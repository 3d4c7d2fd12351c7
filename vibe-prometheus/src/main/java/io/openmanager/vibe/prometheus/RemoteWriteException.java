package io.openmanager.vibe.prometheus;

/**
 * The receiver refused a request for good (an HTTP 4xx other than 429: a wrong URL, no remote-write receiver,
 * samples it cannot take), so the listener stopped sending. The message names the endpoint, the status and the
 * receiver's own words, such as {@code "remote write to http://localhost:9090/api/v1/write refused: HTTP 404 Not
 * Found: remote write receiver needs to be enabled with --web.enable-remote-write-receiver"}.
 */
public final class RemoteWriteException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param message what happened, for people
     * @param status  the HTTP status
     */
    public RemoteWriteException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the receiver answered with. */
    public int status() {
        return status;
    }
}

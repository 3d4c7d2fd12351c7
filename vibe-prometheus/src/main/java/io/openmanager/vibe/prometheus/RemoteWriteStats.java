package io.openmanager.vibe.prometheus;

/**
 * What a {@link RemoteWriteListener} has done so far. Every sample taken from a frame is, in the end, sent, dropped
 * or rejected: {@code queued == sent + dropped + rejected + pending}.
 *
 * @param queued    samples taken from frames (missing values make none)
 * @param sent      samples the receiver accepted (a 2xx answer)
 * @param requests  requests the receiver accepted
 * @param retries   requests repeated after a 5xx, a 429 or a connection failure
 * @param dropped   samples lost to a full buffer (in {@link RemoteWriteListener.Overflow#DROP_OLDEST} mode) or left
 *                  unsent when {@link RemoteWriteListener#close()} gave up waiting
 * @param rejected  samples the receiver refused with a 4xx answer
 * @param pending   samples waiting in the buffer or in the request being sent
 * @param lastError the last failure, such as {@code "HTTP 503 Service Unavailable: ..."}, or empty
 */
public record RemoteWriteStats(long queued, long sent, long requests, long retries, long dropped, long rejected,
                               long pending, String lastError) {

    /** One line for people: {@code "86400 samples sent in 44 requests, 3 retries, 0 dropped, 0 rejected"}. */
    public String describe() {
        return sent + " samples sent in " + requests + " requests, " + retries + " retries, " + dropped
                + " dropped, " + rejected + " rejected" + (pending > 0 ? ", " + pending + " pending" : "")
                + (lastError.isEmpty() ? "" : "; last error: " + lastError);
    }
}

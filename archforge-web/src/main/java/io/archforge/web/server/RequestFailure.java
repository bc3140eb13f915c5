package io.archforge.web.server;

/**
 * A request the dashboard cannot serve, with the HTTP status to send and a message
 * for the person who sent it. API routes send it as JSON, pages as HTML.
 */
final class RequestFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RequestFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Returns the HTTP status code. */
    int status() {
        return status;
    }

    /** Creates the 404 for study {@code name}, which the store does not contain. */
    static RequestFailure unknownStudy(String name, String location) {
        return new RequestFailure(404, "Study '" + name + "' not found in " + location
                + ". The list of studies links to every stored study.");
    }

    /** Creates the 400 for a missing query parameter. */
    static RequestFailure missingParameter(String parameter, String example) {
        return new RequestFailure(400, "Missing query parameter '" + parameter
                + "': add it to the URL, as in " + example + ".");
    }
}

package io.sluice.wan.web;

import io.sluice.web.ApiError;
import org.springframework.http.HttpStatus;

/** A request the WAN simulator API refuses, with the status and the {@link ApiError} to answer. */
public class WanApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    public WanApiException(HttpStatus status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static WanApiException badRequest(String error, String message) {
        return new WanApiException(HttpStatus.BAD_REQUEST, error, message);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(error, getMessage());
    }
}

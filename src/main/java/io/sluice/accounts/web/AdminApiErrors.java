package io.sluice.accounts.web;

import io.sluice.accounts.AccountException;
import io.sluice.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the admin API as {@link ApiError}s: malformed input 400, a clash with what exists 409
 * ({@code login_taken}, {@code phone_taken}), an unknown user 404.
 */
@RestControllerAdvice(assignableTypes = AdminUsersController.class)
public class AdminApiErrors {

    @ExceptionHandler(AccountException.class)
    ResponseEntity<ApiError> refused(AccountException e) {
        HttpStatus status = switch (e.problem().kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return ResponseEntity.status(status).body(new ApiError(e.problem().code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("body_unreadable",
                "expected a JSON body such as {\"login\": \"alice\", \"password\": \"...\", \"phone\": \"+447700900001\"}"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("content_type_unsupported", "send Content-Type: application/json"));
    }
}

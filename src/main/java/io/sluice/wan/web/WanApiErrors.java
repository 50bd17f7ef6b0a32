package io.sluice.wan.web;

import io.sluice.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns bad input to the WAN simulator API into 4xx answers with an {@link ApiError} naming the reason. */
@RestControllerAdvice(assignableTypes = WanApiController.class)
public class WanApiErrors {

    @ExceptionHandler(WanApiException.class)
    ResponseEntity<ApiError> refused(WanApiException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    /** The simulator's own checks, should a value pass the API's. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> outOfRange(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ApiError("setting_invalid", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("body_unreadable",
                "expected a JSON body {\"oneWayLatencyMs\", \"jitterMs\", \"bandwidthBytesPerSecond\", \"blackHoled\"}"
                        + " with any of these fields"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("content_type_unsupported", "send Content-Type: application/json"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getParameterName() + "_missing",
                "the query parameter '" + e.getParameterName() + "' is required"));
    }
}

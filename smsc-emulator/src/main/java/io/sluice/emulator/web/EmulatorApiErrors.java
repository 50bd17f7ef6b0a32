package io.sluice.emulator.web;

import io.sluice.emulator.outbound.MoRejectedException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns bad input to the emulator API into 400 answers with an {@link ApiError} naming the reason. */
@Profile("smsc-emulator")
@RestControllerAdvice(assignableTypes = EmulatorApiController.class)
public class EmulatorApiErrors {

    @ExceptionHandler(MoRejectedException.class)
    ResponseEntity<ApiError> moRejected(MoRejectedException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.rejection().code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(new ApiError("body_unreadable", "expected a JSON body {\"from\", \"to\" (optional), \"text\"}"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("content_type_unsupported", "send Content-Type: application/json"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest()
                .body(new ApiError(e.getName() + "_invalid", "'" + e.getValue() + "' is not a valid " + e.getName()));
    }
}

package org.yiwang.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;

/**
 * RFC 9457 problem responses for every API error: each names the field and the rule (or the reason for a
 * denial) in the {@code errors} / {@code field} / {@code rule} / {@code reason} properties.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://yiwang.org/problems/";

    private final ViolationTexts texts;

    ProblemResponses(ViolationTexts texts) {
        this.texts = texts;
    }

    private String title(String key, String fallback) {
        return texts.text("problem.title." + key, null, fallback);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        List<InvalidInputException.Violation> violations = texts.localise(e.violations());
        InvalidInputException.Violation first = violations.get(0);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
                first.field() + ": " + first.detail());
        problem.setTitle(title("invalid-input", "Invalid input"));
        problem.setType(URI.create(TYPE_BASE + "invalid-input"));
        problem.setProperty("field", first.field());
        problem.setProperty("rule", first.rule());
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "rule", v.rule(), "detail", v.detail())).toList());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedProblem.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle(title("access-denied", "Access denied"));
        problem.setType(URI.create(TYPE_BASE + "access-denied"));
        problem.setProperty("reason", e.reason());
        if (e.field() != null) problem.setProperty("field", e.field());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /** Two requests created the same subject at the same moment: the loser is told to try again. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> concurrentCreation(org.springframework.dao.DuplicateKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                texts.text("problem.concurrent-creation", null, "the same subject was created concurrently, please retry"));
        problem.setTitle(title("conflict", "Concurrent change"));
        problem.setType(URI.create(TYPE_BASE + "conflict"));
        problem.setProperty("rule", "concurrent-creation");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(NotFoundProblem.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(title("not-found", "Not found"));
        problem.setType(URI.create(TYPE_BASE + "not-found"));
        problem.setProperty("field", e.field());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                texts.text("problem.max-size", null, "file exceeds the upload size limit"));
        problem.setTitle(title("too-large", "File too large"));
        problem.setType(URI.create(TYPE_BASE + "invalid-input"));
        problem.setProperty("field", "file");
        problem.setProperty("rule", "max-size");
        problem.setProperty("errors", List.of(Map.of("field", "file", "rule", "max-size",
                "detail", String.valueOf(problem.getDetail()))));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body((Object) problem);
    }

    /** A body that is not JSON of the expected shape: name the field Jackson stumbled on. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        String field = "body";
        String detail = texts.text("problem.json", null, "the request body is not valid JSON");
        if (e.getCause() instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
            field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            detail = texts.text("problem.type", null, "wrong type or format");
        }
        return ResponseEntity.badRequest().body(invalid(new InvalidInputException(field, "type", detail)).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        List<InvalidInputException.Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidInputException.Violation(f.getField(), String.valueOf(f.getCode()),
                        String.valueOf(f.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(new InvalidInputException(violations)).getBody());
    }
}

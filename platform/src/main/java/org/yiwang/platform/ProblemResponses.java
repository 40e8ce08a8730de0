package org.yiwang.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;

/**
 * RFC 9457 problem responses for every API error: each names the field and the rule (or the reason for a
 * denial) in the {@code errors} / {@code field} / {@code rule} / {@code reason} properties. A page request (see
 * {@link ErrorPages#wantsPage}) gets the same facts as an error page in the reader's language, status kept.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://yiwang.org/problems/";

    private final ViolationTexts texts;
    private final ErrorPages pages;

    ProblemResponses(ViolationTexts texts, ErrorPages pages) {
        this.texts = texts;
        this.pages = pages;
    }

    private String title(String key, String fallback) {
        return texts.text("problem.title." + key, null, fallback);
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        if (ErrorPages.wantsPage(request)) {
            return pages.page(request, HttpStatus.valueOf(e.status()),
                    texts.localise(e.violations()).stream().map(InvalidInputException.Violation::detail).toList());
        }
        return invalid(e);
    }

    private ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
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
    Object denied(AccessDeniedProblem e, HttpServletRequest request) {
        if (ErrorPages.wantsPage(request)) return pages.page(request, HttpStatus.FORBIDDEN, Arrays.asList(e.getMessage()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle(title("access-denied", "Access denied"));
        problem.setType(URI.create(TYPE_BASE + "access-denied"));
        problem.setProperty("reason", e.reason());
        if (e.field() != null) problem.setProperty("field", e.field());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /** Two requests created the same subject at the same moment: the loser is told to try again. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    Object concurrentCreation(org.springframework.dao.DuplicateKeyException e, HttpServletRequest request) {
        String detail = texts.text("problem.concurrent-creation", null, "the same subject was created concurrently, please retry");
        if (ErrorPages.wantsPage(request)) return pages.page(request, HttpStatus.CONFLICT, List.of(detail));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title("conflict", "Concurrent change"));
        problem.setType(URI.create(TYPE_BASE + "conflict"));
        problem.setProperty("rule", "concurrent-creation");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(NotFoundProblem.class)
    Object notFound(NotFoundProblem e, HttpServletRequest request) {
        if (ErrorPages.wantsPage(request)) return pages.page(request, HttpStatus.NOT_FOUND, Arrays.asList(e.getMessage()));
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
        String detail = texts.text("problem.max-size", null, "file exceeds the upload size limit");
        if (page(request)) return toErrorPage(request, HttpStatus.CONTENT_TOO_LARGE, List.of(detail));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
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
        if (page(request)) return toErrorPage(request, HttpStatus.BAD_REQUEST, List.of(detail));
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
        if (page(request)) {
            return toErrorPage(request, HttpStatus.BAD_REQUEST, texts.localise(violations).stream()
                    .map(InvalidInputException.Violation::detail).toList());
        }
        return ResponseEntity.badRequest().body(invalid(new InvalidInputException(violations)).getBody());
    }

    /** Every other MVC exception (unknown address, method not allowed, ...): a page gets the error page. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (page(request)) return toErrorPage(request, HttpStatus.valueOf(status.value()), List.of());
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static boolean page(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest
                && ErrorPages.wantsPage(servletRequest);
    }

    /**
     * These handlers must answer a {@link ResponseEntity}: the page goes through the container's error dispatch
     * instead ({@link ErrorPages} as Spring Boot's error view), and nothing is written here.
     */
    private static ResponseEntity<Object> toErrorPage(WebRequest request, HttpStatus status, List<String> messages) {
        NativeWebRequest nativeRequest = (NativeWebRequest) request;
        HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = nativeRequest.getNativeResponse(HttpServletResponse.class);
        try {
            if (!messages.isEmpty()) servletRequest.setAttribute(ErrorPages.MESSAGES, messages);
            response.sendError(status.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}

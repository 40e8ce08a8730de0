package com.example.department;

import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem responses; a refusal names its field and rule. */
@RestControllerAdvice(annotations = RestController.class)
class Problems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setTitle(refusal.status().getReasonPhrase());
        problem.setType(URI.create("urn:department-system:problem:" + refusal.rule()));
        problem.setProperty("field", refusal.field());
        problem.setProperty("rule", refusal.rule());
        return ResponseEntity.status(refusal.status()).body(problem);
    }
}

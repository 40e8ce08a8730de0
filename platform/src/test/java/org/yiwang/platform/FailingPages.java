package org.yiwang.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;

/**
 * A page controller (test classes only, found by the application's component scan) that fails the ways real pages
 * do, under {@code /public/} so that a plain HTTP client reaches it too.
 */
@Controller
class FailingPages {

    @GetMapping("/public/test-errors/{kind}")
    String fail(@PathVariable String kind) {
        throw switch (kind) {
            case "invalid" -> InvalidInputException.of("subject", "type");
            case "denied" -> new AccessDeniedProblem("element", "NEGATIVE_LIST", "该数据元在负面清单中");
            case "not-found" -> new NotFoundProblem("item", "未知事项 NOPE");
            case "conflict" -> new InvalidInputException(
                    java.util.List.of(InvalidInputException.Violation.of("status", "concurrent-creation")), 409);
            case "too-large" -> new MaxUploadSizeExceededException(1024);
            default -> new IllegalStateException("secret internal detail");
        };
    }
}

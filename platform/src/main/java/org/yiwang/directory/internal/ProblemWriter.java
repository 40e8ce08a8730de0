package org.yiwang.directory.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.ViolationTexts;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answers for {@code /api/**} as {@code application/problem+json} instead of a login redirect, in the
 * caller's language (bundle keys {@code directory.problem.<reason>.title} and {@code .detail}).
 */
@Component
class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final ViolationTexts texts;

    ProblemWriter(JsonMapper json, ViolationTexts texts) {
        this.json = json;
        this.texts = texts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, 401, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "access-denied");
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        String title = texts.text("directory.problem." + reason + ".title", null, reason);
        String detail = texts.text("directory.problem." + reason + ".detail", null, reason);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://yiwang.org/problems/" + (status == 401 ? "unauthenticated" : "access-denied"));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("reason", reason);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

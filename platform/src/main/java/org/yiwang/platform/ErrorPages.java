package org.yiwang.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors a person meets on a page, as a page: in their language, inside the layout, with a way back. The same page
 * for an exception a page controller raised (rendered by {@link ProblemResponses}) and for what reaches the servlet
 * container's error dispatch (an unknown address, Spring Security's access denied, an unexpected failure), where it
 * is Spring Boot's error view for HTML requests. API requests never get it: they keep their problem responses.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    /** Request attribute: the messages (already in the reader's language) to show on the error page. */
    static final String MESSAGES = ErrorPages.class.getName() + ".messages";

    /** Statuses with their own title and explanation in the bundle ({@code error.<status>.title/text}). */
    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 413, 500);

    private final LayoutModel layout;

    ErrorPages(LayoutModel layout) {
        this.layout = layout;
    }

    /**
     * Whether the request is a person's page rather than an API call: not under {@code /api/}, not asking for JSON,
     * and handled by a page controller method (or, with no controller, a browser asking for HTML).
     */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) return false;
        List<MediaType> accepted = accepted(request);
        if (accepted.stream().anyMatch(ErrorPages::isJson)) return false;
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method) {
            return !(method.hasMethodAnnotation(ResponseBody.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class));
        }
        return accepted.stream().anyMatch(type -> !type.isWildcardType() && type.includes(MediaType.TEXT_HTML));
    }

    private static List<MediaType> accepted(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) return List.of();
        try {
            return MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return List.of();
        }
    }

    private static boolean isJson(MediaType type) {
        return !type.isWildcardType() && !type.isWildcardSubtype()
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type));
    }

    /** The error page with its status: {@code messages} in the reader's language, or the status's explanation. */
    ModelAndView page(HttpServletRequest request, HttpStatus status, List<String> messages) {
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(status);
        int code = status.value();
        page.addObject("status", code);
        page.addObject("kind", EXPLAINED.contains(code) ? String.valueOf(code) : code >= 500 ? "500" : "other");
        // a 500 never shows what failed inside: the log has it
        page.addObject("messages", code >= 500 || messages == null ? List.of()
                : messages.stream().filter(m -> m != null && !m.isBlank()).distinct().toList());
        page.addObject("back", back(request));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            page.addObject("currentUser", layout.currentUser(authentication));
            page.addObject("menu", layout.menu(authentication));
        } else {
            page.addObject("menu", List.of());
        }
        return page;
    }

    /** For the container's error dispatch, HTML requests only (Spring Boot's BasicErrorController). */
    @Override
    @SuppressWarnings("unchecked")
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object messages = request.getAttribute(MESSAGES);
        return page(request, status, messages instanceof List<?> list ? (List<String>) list : List.of());
    }

    /** The page the person came from, when it is one of ours (the Referer); no script needed for the link. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null || referer.isBlank()) return null;
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) return null;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) return null;
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

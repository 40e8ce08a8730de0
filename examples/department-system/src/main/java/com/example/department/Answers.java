package com.example.department;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What yiwang's answer to a result means, in words an officer reads: the part's new status, or why yiwang refused
 * (its problem response's details, which yiwang writes in the language asked for) — never the raw JSON.
 */
@Component
public class Answers {

    private final MessageSource messages;
    private final JsonMapper json;

    Answers(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Whether yiwang took the result. */
    public boolean accepted(SentResult sent) {
        return sent.accepted();
    }

    /** The part's status yiwang answered with (for a result it took). */
    String answeredStatus(SentResult sent) {
        JsonNode answer = parsed(sent.answer());
        return answer == null ? sent.status() : answer.path("status").asString(sent.status());
    }

    public String text(SentResult sent) {
        if (sent.httpStatus() == null) {
            return message("answer.unreachable");
        }
        JsonNode answer = parsed(sent.answer());
        if (sent.accepted()) {
            String status = answer == null ? sent.status() : answer.path("status").asString(sent.status());
            String license = answer == null ? "" : answer.path("licenseId").asString("");
            return license.isEmpty() ? message("answer.accepted", label(status))
                    : message("answer.licensed", label(status), license);
        }
        List<String> details = new ArrayList<>();
        if (answer != null) {
            answer.path("errors").forEach(e -> details.add(e.path("detail").asString("")));
            if (details.isEmpty() && answer.hasNonNull("detail")) {
                details.add(answer.path("detail").asString(""));
            }
        }
        String why = String.join(";", details.stream().filter(d -> !d.isBlank()).toList());
        if (sent.httpStatus() == 409 && answer != null && "state".equals(answer.path("rule").asString(""))) {
            return message("answer.decided", label(sent.status()), why);
        }
        return message("answer.refused", sent.httpStatus(), why.isEmpty() ? message("answer.noDetail") : why);
    }

    private String label(String status) {
        return messages.getMessage("status." + status, null, status, LocaleContextHolder.getLocale());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private JsonNode parsed(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(answer);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}

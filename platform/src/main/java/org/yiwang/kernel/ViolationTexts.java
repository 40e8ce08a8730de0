package org.yiwang.kernel;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a person reads for a broken rule, in their language: the violation's key ({@code problem.<rule>}) from the message bundles
 * (every module brings its own), formatted with the violation's arguments; the violation's own detail, then the
 * rule's name, when no bundle has the key. Used by the problem responses and by pages that show a message beside
 * the field.
 */
@Component
public class ViolationTexts {

    private final MessageSource messages;

    public ViolationTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String detail(InvalidInputException.Violation v) {
        return text(v.key(), v.args().toArray(), v.detail() != null ? v.detail() : v.rule());
    }

    /** The violations with their details in the reader's language, for a page to show beside each field. */
    public List<InvalidInputException.Violation> localise(List<InvalidInputException.Violation> violations) {
        return violations.stream().map(v -> v.withDetail(detail(v))).toList();
    }

    /** A bundle text in the reader's language, or the fallback. */
    public String text(String key, Object[] args, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, fallback, locale);
    }
}

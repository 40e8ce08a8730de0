package org.yiwang.services;

/**
 * An automatic-decision rule (智能审批规则) a service item can name in its {@code autoDecision} field. Every bean of
 * this type makes its {@link #name()} acceptable there: a definition naming a rule no bean provides is refused
 * (rule {@code unknown-auto-decision}). How a rule decides is up to the applications side of the module.
 */
public interface AutoDecisionRule {

    /** The name definitions use, e.g. {@code RIDE_HAILING_BACKGROUND}; unique among the rules. */
    String name();
}

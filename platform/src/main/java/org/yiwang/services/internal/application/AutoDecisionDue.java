package org.yiwang.services.internal.application;

import java.util.UUID;

/** A part of an item with an automatic-decision rule reached its department: the rule is to run. */
record AutoDecisionDue(UUID partId, String itemCode) {}

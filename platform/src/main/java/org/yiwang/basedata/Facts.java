package org.yiwang.basedata;

import java.util.List;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;

/**
 * The one write path: new facts about a subject, validated against the catalog, resolved against current values
 * by authority (an authoritative source beats a self-declared one; among equals the newer wins; a losing value
 * is kept as a conflict), recorded in the append-only history, audited, and announced as a
 * {@link SubjectChanged} event — all in one transaction.
 */
public interface Facts {

    /** @throws InvalidInputException naming every failing element; nothing is written */
    WriteResult write(Actor actor, SubjectRef subject, List<Fact> facts, Attribution attribution);
}

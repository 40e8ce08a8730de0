package org.yiwang.directory;

import java.util.List;
import java.util.Optional;
import org.yiwang.kernel.Actor;

/** Read access to divisions and departments for the other modules. */
public interface Directory {

    Optional<Division> division(String code);

    /** Direct children of a division (streets of a district, communities of a street, grids of a community). */
    List<Division> children(String code);

    /** All divisions of one level inside a division, e.g. every grid of the district 310104, ordered by code. */
    List<Division> within(String code, Division.Level level);

    /** The division and its ancestors, from the province down (e.g. 上海市 › 市辖区 › 徐汇区 › 徐家汇街道). */
    List<Division> lineage(String code);

    Optional<Department> department(String code);

    List<Department> departments();

    /**
     * Whether the actor's data scope covers a subject registered in the given division: true when the actor has
     * no territorial limit, or the subject's division lies inside the actor's scope.
     */
    default boolean inScope(Actor actor, String subjectDivisionCode) {
        return actor.scopeDivision() == null || actor.scopeDivision().contains(subjectDivisionCode);
    }
}

package org.yiwang.catalog.internal;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.CatalogChanged;

/** What every catalog command does after writing: refresh this node's snapshot on commit and tell the others. */
@Component
class CatalogChanges {

    private final ApplicationEventPublisher events;
    private final CatalogSnapshots snapshots;
    private final Clock clock;

    CatalogChanges(ApplicationEventPublisher events, CatalogSnapshots snapshots, Clock clock) {
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    void changed(CatalogChanged.Part part, CatalogChanged.Change change, String key, String actor) {
        snapshots.invalidateAfterCommit();
        events.publishEvent(new CatalogChanged(part, change, key, actor, clock.instant()));
    }
}

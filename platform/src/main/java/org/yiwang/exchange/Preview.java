package org.yiwang.exchange;

import java.util.List;
import java.util.Map;

/**
 * A dry run: what the connector's system would receive for a sample subject under the current mapping. Nothing is
 * sent; the read is audited like any other.
 *
 * @param data     their field → their value
 * @param problems what would make the delivery fail (an unmapped element, a code their table lacks, a refused read)
 */
public record Preview(String connector, int mappingVersion, Map<String, String> data, List<String> problems) {}

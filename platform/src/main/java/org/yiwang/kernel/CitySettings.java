package org.yiwang.kernel;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings that vary by city (FixMyStreet's "one named hook for what varies by place"): the time zone every
 * person sees, the district the deployment serves and its service centre. One bean, injected; nothing else names a
 * zone or a district.
 *
 * @param zone          the zone of every time a person sees (Asia/Shanghai)
 * @param districtCode  GB/T 2260 code of the district this deployment serves (310104)
 * @param districtName  its name (徐汇区)
 * @param serviceCentre directory code of the department that runs the one-stop window (310104-ZWFW)
 * @param commandCentre directory code of the city operations centre (310104-CY)
 */
public record CitySettings(ZoneId zone, String districtCode, String districtName, String serviceCentre,
                           String commandCentre) {

    public CitySettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(serviceCentre, "serviceCentre");
    }
}

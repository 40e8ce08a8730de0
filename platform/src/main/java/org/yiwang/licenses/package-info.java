/**
 * Electronic licenses (电子证照): license types, issuing on approval, signatures by the issuing authority, QR codes,
 * public verification, revocation, the holder's wallet, and the facts a license feeds into the base.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licenses",
        allowedDependencies = {"basedata", "catalog", "directory", "kernel"})
package org.yiwang.licenses;

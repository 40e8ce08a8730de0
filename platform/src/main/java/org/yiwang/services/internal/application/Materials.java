package org.yiwang.services.internal.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.services.Part;

/**
 * Uploaded materials as the ones entitled to them open them: the department that received the part (its material
 * refs name the upload) and the applicant. Served with the type detected at upload, never the browser's word, and
 * {@code nosniff}, so a file cannot turn into a page.
 */
@Component
class Materials {

    private final ApplicationStore store;

    Materials(ApplicationStore store) {
        this.store = store;
    }

    /** The upload behind one of the part's materials; the caller has checked the part is the actor's department's. */
    @Transactional(readOnly = true)
    ApplicationStore.Upload ofPart(Part part, String materialCode) {
        String ref = part.materials().get(materialCode);
        if (ref == null || !ref.startsWith("upload:")) throw noSuchMaterial();
        UUID id;
        try {
            id = UUID.fromString(ref.substring(7));
        } catch (IllegalArgumentException e) {
            throw noSuchMaterial();
        }
        return store.upload(id).filter(u -> u.applicationId().equals(part.applicationId()))
                .orElseThrow(Materials::noSuchMaterial);
    }

    static ResponseEntity<byte[]> response(ApplicationStore.Upload upload) {
        MediaType type = MediaType.parseMediaType(UploadCheck.contentType(upload.content()));
        String name = UploadCheck.safeName(upload.fileName()) ? upload.fileName() : "material";
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(upload.content());
    }

    private static NotFoundProblem noSuchMaterial() {
        return new NotFoundProblem("material", "没有该材料");
    }
}

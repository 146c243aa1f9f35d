package io.xstore.fileserver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** File server options (the storage root belongs to {@link io.xstore.fileserver.storage.LocalDiskFileStorage}). */
@Component
public class FileServerSettings {

    private final boolean authRequired;
    private final long maxUploadSizeMb;
    private final boolean allowBatchDelete;
    private final boolean disableBrowserCaching;

    /**
     * @param authRequired          reference default true ({@code fileserver.auth.enabled})
     * @param maxUploadSizeMb       0 = unlimited ({@code fileserver.upload.max_upload_size_mb})
     * @param allowBatchDelete      POST /delete_many ({@code fileserver.delete.allow_batch}; true as shipped)
     * @param disableBrowserCaching no-cache headers on downloads ({@code fileserver.download.disable_browser_caching})
     */
    public FileServerSettings(
            @Value("${xstore.fileserver.auth-required:true}") boolean authRequired,
            @Value("${xstore.fileserver.max-upload-size-mb:0}") long maxUploadSizeMb,
            @Value("${xstore.fileserver.allow-batch-delete:true}") boolean allowBatchDelete,
            @Value("${xstore.fileserver.disable-browser-caching:false}") boolean disableBrowserCaching) {
        if (maxUploadSizeMb < 0) {
            throw new IllegalArgumentException("xstore.fileserver.max-upload-size-mb must be >= 0");
        }
        this.authRequired = authRequired;
        this.maxUploadSizeMb = maxUploadSizeMb;
        this.allowBatchDelete = allowBatchDelete;
        this.disableBrowserCaching = disableBrowserCaching;
    }

    public boolean authRequired() {
        return authRequired;
    }

    /** 0 = unlimited. */
    public long maxUploadBytes() {
        return maxUploadSizeMb * 1024 * 1024;
    }

    public boolean allowBatchDelete() {
        return allowBatchDelete;
    }

    public boolean disableBrowserCaching() {
        return disableBrowserCaching;
    }
}

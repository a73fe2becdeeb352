package org.voarchive.uws;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A result of a job: its name in the results list, the file holding it, its size and MIME type. */
@Embeddable
public class JobResult {

    @Column(name = "result_id", nullable = false)
    private String resultId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "mime_type", nullable = false)
    private String mimeType;

    @Column(name = "size", nullable = false)
    private long size;

    protected JobResult() {
        // for JPA
    }

    public JobResult(String resultId, String fileName, String mimeType, long size) {
        this.resultId = resultId;
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.size = size;
    }

    public String resultId() {
        return resultId;
    }

    /** Relative to the job's directory. */
    public String fileName() {
        return fileName;
    }

    public String mimeType() {
        return mimeType;
    }

    public long size() {
        return size;
    }
}

package io.xstore.query.events;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xstore.protocol.RawResponse;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code events.download_task_log}: the whole console log of a task as a text attachment, oldest line first. The
 * lines are read page by page (search_after) while they are written, so memory does not grow with the log.
 */
@Component
public class TaskLogDownload {

    static final int PAGE = 2000;

    private final EventSearch search;

    public TaskLogDownload(EventSearch search) {
        this.search = search;
    }

    public RawResponse download(EventTarget target, LogLineFormat format) {
        List<String> indices = List.of(EventIndices.index(EventIndices.LOG, target.indexCompany()));
        return new RawResponse("text/plain; charset=utf-8", "task_" + target.id() + ".log", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                search.forEachPage(indices, EventQueries.term(EventFields.TASK, target.id()),
                        List.of(EventQueries.asc(EventFields.TIMESTAMP), EventQueries.asc(EventFields.SEQ)),
                        null, PAGE, hits -> {
                            write(writer, hits, format);
                            return true;
                        });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        });
    }

    private static void write(Writer writer, List<Hit<Map<String, Object>>> hits, LogLineFormat format) {
        try {
            for (Hit<Map<String, Object>> hit : hits) {
                writer.write(format.line(EventDocuments.toWire(hit.source())));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.haiphong.dx.api;

import java.util.List;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;

/**
 * A request's path inside an engine API, as the API matched it: decoded, without matrix parameters
 * ({@code /task;x/…}) or empty segments, and without the {@code engine/{name}} prefix of named engines.
 * {@code /engine-rest/engine/default/task/1/complete} and {@code /camunda/api/engine/engine/default/task/1/complete}
 * are both {@code task/1/complete}.
 */
record EnginePath(List<String> segments) {

    static EnginePath of(UriInfo uri) {
        List<String> segments = uri.getPathSegments(true).stream().map(PathSegment::getPath).filter(s -> !s.isEmpty()).toList();
        if (segments.size() >= 2 && segments.get(0).equals("engine")) {
            segments = segments.subList(2, segments.size());
        }
        return new EnginePath(segments);
    }

    String at(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    boolean startsWith(String first) {
        return first.equals(at(0));
    }

    boolean contains(String segment) {
        return segments.contains(segment);
    }

    /** The segment after the first occurrence of one, or null. */
    String after(String segment) {
        int index = segments.indexOf(segment);
        return index < 0 ? null : at(index + 1);
    }

    String last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }
}

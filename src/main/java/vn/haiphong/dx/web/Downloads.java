package vn.haiphong.dx.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

/** How the application names a file it sends for download. */
public final class Downloads {

    private Downloads() {
    }

    /**
     * The Content-Disposition of a download: a name in plain ASCII as it is (every browser and mail client reads it);
     * a name with other letters also in RFC 5987's encoded form. With a charset Spring writes even an ASCII name in
     * RFC 2047's encoded-word form ("=?UTF-8?Q?…?="), which clients that ignore {@code filename*} save literally.
     */
    public static String attachment(String fileName) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName);
        ContentDisposition.Builder builder = ContentDisposition.attachment();
        return (ascii ? builder.filename(fileName) : builder.filename(fileName, StandardCharsets.UTF_8)).build().toString();
    }
}

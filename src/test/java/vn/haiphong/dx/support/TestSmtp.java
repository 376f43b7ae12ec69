package vn.haiphong.dx.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server in-process (GreenMail) for the mail tests, and the settings that send the application's mail to it. */
public final class TestSmtp {

    /** The application's mail settings for {@link #server()}: ServerSetupTest.SMTP listens on 127.0.0.1:3025. */
    public static final String HOST = "spring.mail.host=127.0.0.1";
    public static final String PORT = "spring.mail.port=3025";
    public static final String SENDER = "dx.mail.from=van-thu@kesat.example";

    private TestSmtp() {}

    /** For {@code @RegisterExtension}: accepts every mail without authentication. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }
}

package app.retone.cli;

/** The command line's exit status, the one list: what 'retone --help' prints and every command returns. */
public final class ExitStatus {

    /** Everything was done. */
    public static final int OK = 0;
    /** Some input failed; each failure is listed. */
    public static final int SOME_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    private ExitStatus() {
    }
}

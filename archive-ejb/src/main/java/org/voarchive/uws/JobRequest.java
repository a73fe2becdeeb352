package org.voarchive.uws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;

/**
 * What one POST to a job list or a job asks for (UWS 1.1 sections 2.2.3 and 2.2.4): the job's own
 * parameters, and the control parameters EXECUTIONDURATION, DESTRUCTION, PHASE (RUN or ABORT) and
 * ACTION=DELETE. Parsed and checked here, before anything changes, so that {@link JobManager} applies a
 * request whole or not at all.
 */
public record JobRequest(List<JobParameter> parameters, OptionalLong executionDuration, Optional<Instant> destruction,
                         Optional<PhaseRequest> phase, boolean delete) {

    /** What PHASE= may ask a job to do. */
    public enum PhaseRequest { RUN, ABORT }

    /** Parameters that steer the job rather than being job parameters. */
    private static final Set<String> CONTROL = Set.of("PHASE", "ACTION", "EXECUTIONDURATION", "DESTRUCTION");

    public JobRequest {
        parameters = List.copyOf(parameters);
    }

    public static JobRequest parse(DaliParameters p) throws UwsException {
        Optional<String> action = single(p, "ACTION");
        if (action.isPresent() && !action.get().equalsIgnoreCase("DELETE")) {
            throw UwsException.badRequest("ACTION=" + action.get() + " is not known; the only action is DELETE");
        }
        List<JobParameter> parameters = new ArrayList<>();
        p.asMap().forEach((name, values) -> {
            if (!CONTROL.contains(name)) {
                values.forEach(v -> parameters.add(new JobParameter(name, v, false)));
            }
        });
        Optional<String> duration = single(p, "EXECUTIONDURATION");
        OptionalLong seconds = OptionalLong.empty();
        if (duration.isPresent()) {
            seconds = OptionalLong.of(UwsValues.wholeNumber("EXECUTIONDURATION", duration.get()));
            if (seconds.getAsLong() < 0) {
                throw UwsException.badRequest("EXECUTIONDURATION must not be negative, not " + seconds.getAsLong());
            }
        }
        Optional<String> destruction = single(p, "DESTRUCTION");
        Optional<Instant> until = destruction.isPresent()
            ? Optional.of(UwsValues.instant("DESTRUCTION", destruction.get())) : Optional.empty();
        Optional<String> phase = single(p, "PHASE");
        return new JobRequest(parameters, seconds, until, phase.isPresent() ? Optional.of(phase(phase.get()))
            : Optional.empty(), action.isPresent());
    }

    /** The value of a {@code PHASE=} request. */
    public static PhaseRequest phase(String value) throws UwsException {
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "RUN" -> PhaseRequest.RUN;
            case "ABORT" -> PhaseRequest.ABORT;
            default -> throw UwsException.badRequest("PHASE=" + value + " is not a request; give RUN or ABORT");
        };
    }

    /** A request of a job's child resource ({@code /phase}, {@code /executionduration}, ...) that changes one thing. */
    public static JobRequest phaseOnly(PhaseRequest phase) {
        return new JobRequest(List.of(), OptionalLong.empty(), Optional.empty(), Optional.of(phase), false);
    }

    public static JobRequest executionDurationOnly(long seconds) throws UwsException {
        if (seconds < 0) {
            throw UwsException.badRequest("EXECUTIONDURATION must not be negative, not " + seconds);
        }
        return new JobRequest(List.of(), OptionalLong.of(seconds), Optional.empty(), Optional.empty(), false);
    }

    public static JobRequest destructionOnly(Instant destruction) {
        return new JobRequest(List.of(), OptionalLong.empty(), Optional.of(destruction), Optional.empty(), false);
    }

    /** The job parameters of a request, without its control parameters. */
    public JobRequest parametersOnly() {
        return new JobRequest(parameters, OptionalLong.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** One value of a parameter, trimmed; a repeated one is a 400. */
    public static Optional<String> single(DaliParameters p, String name) throws UwsException {
        try {
            return p.single(name).map(String::trim);
        } catch (DaliException e) {
            throw UwsException.badRequest(e.getMessage());
        }
    }

    /** Whether the job is asked to run (at creation: queued at once). */
    public boolean run() {
        return phase.filter(PhaseRequest.RUN::equals).isPresent();
    }

    /** Whether it changes what UWS lets change only while the job is PENDING. */
    boolean changesPending() {
        return !renamesOnly() && (!parameters.isEmpty() || executionDuration.isPresent());
    }

    /**
     * Whether the request only names the job (RUNID, and nothing else of the job's inputs): a label, not an input,
     * so it may change in any phase (the portal's Jobs page renames finished jobs; UWS 1.1 leaves RUNID to the client).
     */
    boolean renamesOnly() {
        return parameters.size() == 1 && parameters.get(0).name().equalsIgnoreCase("RUNID") && executionDuration.isEmpty();
    }
}

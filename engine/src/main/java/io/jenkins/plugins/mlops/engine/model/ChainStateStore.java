package io.jenkins.plugins.mlops.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads and writes the chain state {@code .mlops/run.json} of a workspace. Writes are atomic (temp file + rename),
 * so a crash leaves either the old file or the new one, never half of one. The folder {@code .mlops} and run.json are
 * never links ({@link StateFolder}).
 */
public final class ChainStateStore {
    /** The folder in the workspace that holds the engine's files. */
    public static final String STATE_DIR = ".mlops";
    /** The chain state file, relative to the workspace. */
    public static final String STATE_FILE = STATE_DIR + "/run.json";

    /** A file lock is held per JVM, not per thread: threads of one JVM queue here first. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The form of the chain ids the tool makes: {@link UUID#toString()}. */
    private static final Pattern CHAIN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path file;

    /** A store for the chain state of {@code workspace}. */
    public ChainStateStore(final Path workspace) {
        this.file = workspace.resolve(STATE_FILE);
        StateFolder.check(file);
    }

    /** The path of run.json. */
    public Path file() {
        return file;
    }

    /** The state, if the workspace has one. */
    public Optional<ChainState> load() {
        StateFolder.check(file);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the run state " + file + ": " + e.getMessage()
                    + ". Check the file's permissions.");
        }
        try {
            ChainState state = MAPPER.readValue(json, ChainState.class);
            if (state == null) {
                throw corrupt("the file is empty");
            }
            if (state.schema() > ChainState.SCHEMA) {
                throw MlopsException.input("The run state " + file + " was written by a newer version (layout "
                        + state.schema() + "); update mlops or delete the file to start the run over.");
            }
            return Optional.of(state);
        }
        catch (JsonProcessingException e) {
            throw corrupt(e.getOriginalMessage() + locationOf(e));
        }
    }

    /** The state, or a fresh one with a new chain id when the workspace has none yet. */
    public ChainState loadOrStart() {
        return load().orElseGet(() -> ChainState.start(UUID.randomUUID().toString()));
    }

    /**
     * The chain id of {@code state} when it has the form the tool gives it (a UUID, {@link #loadOrStart()}): it becomes
     * a label filter that removes containers and volumes on a shared daemon, so a chain id planted in run.json must not
     * name another chain's.
     *
     * @throws MlopsException (input) for any other chain id
     */
    public String checkedChainId(final ChainState state) {
        String chainId = state.chainId();
        if (chainId == null || !CHAIN_ID.matcher(chainId).matches()) {
            throw MlopsException.input("The run state " + file + " names the runId '"
                    + (chainId == null ? "" : chainId.replaceAll("[^\\x20-\\x7e]", "?"))
                    + "', which the tool did not make "
                    + "(it makes UUIDs). Delete " + file + " to start the run over, and remove "
                    + STATE_DIR + " from the repository if it tracks it.");
        }
        return chainId;
    }

    /** Writes {@code state} atomically. */
    public void save(final ChainState state) {
        try {
            StateFolder.ensure(file.getParent());
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(state));
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot write the run state " + file + ": " + e.getMessage()
                    + ". Check free disk space and permissions of the workspace.");
        }
    }

    /**
     * Runs {@code action} (a load, change and save of the state) while no other process or thread does the same on
     * this workspace: tells arriving at once from several workers must not lose each other's trials.
     */
    public <T> T locked(final Supplier<T> action) {
        Path lockFile = file.resolveSibling("run.lock").toAbsolutePath().normalize();
        ReentrantLock threads = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        threads.lock();
        try {
            StateFolder.ensure(lockFile.getParent());
            StateFolder.check(lockFile);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                return action.get();
            }
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot lock " + lockFile + ": " + e.getMessage()
                    + ". Check free disk space and permissions of the workspace.");
        }
        finally {
            threads.unlock();
        }
    }

    private MlopsException corrupt(final String detail) {
        return MlopsException.input("The run state " + file + " is corrupt (" + detail
                + "). Delete it to start the run over, or restore it from a backup.");
    }

    private static String locationOf(final JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}

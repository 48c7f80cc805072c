import SupportCore

/// The sessions a desk is serving: a cache of their state, and one lane per session so that two
/// messages of one session are handled one after the other (different sessions run concurrently).
actor SessionTable {
    private var cache: [SessionID: Session] = [:]
    /// Sessions whose lane is taken.
    private var busy: Set<SessionID> = []
    /// Tasks waiting for a session's lane, first come first served.
    private var waiting: [SessionID: [CheckedContinuation<Void, Never>]] = [:]
    /// Cached states kept at most; idle ones beyond this are dropped (they reload from the store).
    private let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// What `release(_:updating:)` does to the cached state.
    enum CacheUpdate: Sendable {
        case keep
        case store(Session)
        case drop
    }

    /// Waits until `session`'s lane is free, then takes it and returns the cached state, if any.
    /// Pair with `release(_:updating:)`. One call, so a message costs two hops to this actor.
    func acquire(_ session: SessionID) async -> Session? {
        if !busy.insert(session).inserted {
            await withCheckedContinuation { waiting[session, default: []].append($0) }
        }
        return cache[session]
    }

    /// Updates the cache, then hands `session`'s lane to the next waiting task, or frees it.
    func release(_ session: SessionID, updating update: CacheUpdate) {
        switch update {
        case .keep: break
        case .store(let state): store(state)
        case .drop: cache.removeValue(forKey: session)
        }
        if var queue = waiting[session], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[session] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(session)
        }
    }

    private func store(_ state: Session) {
        cache[state.id] = state
        if cache.count > capacity, let idle = cache.keys.first(where: { !busy.contains($0) }) {
            cache.removeValue(forKey: idle)
        }
    }
}

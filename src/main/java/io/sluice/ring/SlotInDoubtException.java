package io.sluice.ring;

/**
 * A report about a stranded record came while the slot it was stranded from still holds a newer
 * sequence whose retrieval has not committed: if that retrieval rolls back, the record is back in its
 * slot and is to be processed there. Not a fault: the report's batch rolls back and is taken again once
 * the retrieval has ended (ADR 0026).
 */
public final class SlotInDoubtException extends RuntimeException {

    public SlotInDoubtException(String ring, long reported, long occupant) {
        super("Ring " + ring + ": the report about " + reported + " waits until the retrieval of " + occupant
                + ", in its old slot, has committed or rolled back");
    }
}

package io.sluice.im;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.sms.text.SmsLength;

/**
 * The service's answers to phone users, each fitting one SMS (what the carrier bills as one: 160 GSM
 * or 70 UCS-2 units), so a command never costs its user a multi-part reply.
 */
public final class SmsReplies {

    public static final String HELP = "Sluice: @name text = message a user. Plain text = reply to your last chat. "
            + "WHO = your buddies. ADD name / DEL name = change them. HELP = this.";

    private SmsReplies() {
    }

    /** {@code WHO}: buddies grouped by presence, cut with "+N more" if one SMS cannot hold them all. */
    public static String who(Map<String, Presence.State> buddies) {
        if (buddies.isEmpty()) {
            return "Sluice: no buddies yet. ADD name to add one.";
        }
        List<String> online = new ArrayList<>();
        List<String> bySms = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        buddies.forEach((party, state) -> (switch (state) {
            case ONLINE -> online;
            case SMS -> bySms;
            case OFFLINE -> offline;
        }).add(party));
        for (int shown = buddies.size(); shown >= 0; shown--) {
            String reply = whoReply(online, bySms, offline, shown, buddies.size() - shown);
            if (fitsOneSms(reply)) {
                return reply;
            }
        }
        return "Sluice: " + buddies.size() + " buddies.";
    }

    public static String added(String party) {
        return "Sluice: " + party + " is on your buddy list. WHO shows who is online.";
    }

    public static String removed(String party, boolean wasThere) {
        return wasThere ? "Sluice: " + party + " is off your buddy list." : "Sluice: " + party + " was not on your buddy list.";
    }

    public static String refused(String detail) {
        return oneSms("Sluice: " + detail);
    }

    static boolean fitsOneSms(String text) {
        return SmsLength.of(text).parts() == 1;
    }

    /** Cuts a text that does not fit one SMS, ending it with an ellipsis. */
    static String oneSms(String text) {
        String cut = text;
        while (!fitsOneSms(cut)) {
            cut = cut.substring(0, cut.length() - 2) + "…";
        }
        return cut;
    }

    private static String whoReply(List<String> online, List<String> bySms, List<String> offline, int shown, int hidden) {
        StringBuilder reply = new StringBuilder("Sluice:");
        int[] left = {shown};
        group(reply, "Online", online, left);
        group(reply, "By SMS", bySms, left);
        group(reply, "Offline", offline, left);
        if (hidden > 0) {
            reply.append(" +").append(hidden).append(" more");
        }
        return reply.toString();
    }

    private static void group(StringBuilder reply, String label, List<String> parties, int[] left) {
        List<String> shown = parties.subList(0, Math.min(parties.size(), left[0]));
        left[0] -= shown.size();
        if (!shown.isEmpty()) {
            reply.append(' ').append(label).append(": ").append(String.join(", ", shown)).append('.');
        }
    }
}

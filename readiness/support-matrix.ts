/*
 * What Microsoft's support matrix for Hyper-V (VMM) to Azure allows, as data: the one place
 * to edit when the matrix changes. To update, re-read the sources below, change the entries,
 * their `source` and MATRIX_CHECKED; checkReadiness (check.ts) reads nothing else. Source
 * keys are those of ../shared/reference/asr-phase2.md (section 7, current facts), which wins
 * over the 2017 seed where they differ.
 */

/** The articles entries cite, with the edition read (MicrosoftDocs/azure-docs, articles/site-recovery/ unless named). */
export const SOURCES = {
    SEED: { article: "vmm-to-azure-walkthrough-prerequisites.md", date: "07/24/2017" },
    SM18: { article: "hyper-v-azure-support-matrix.md", date: "08/01/2018" },
    SM26: { article: "hyper-v-azure-support-matrix.md", date: "05/05/2026" },
    FAQ24: { article: "hyper-v-azure-common-questions.md", date: "12/27/2024" },
    ARCH19: { article: "hyper-v-azure-architecture.md", date: "11/14/2019" },
    URLS: { article: "includes/site-recovery-URLS.md", date: "undated include" },
    REG26: { article: "includes/hyper-v-to-azure-region-limitations.md", date: "05/05/2026" },
    PREPON18: { article: "hyper-v-prepare-on-premises-tutorial.md", date: "10/28/2018" },
} as const;

export type SourceKey = keyof typeof SOURCES;

/** When the newest source (the support matrix) was last read. */
export const MATRIX_CHECKED = "2026-05-05";

/** "SM26 05/05/2026": how messages and tables cite a source. */
export function sourceText(key: SourceKey): string {
    return `${key} ${SOURCES[key].date}`;
}

interface Sourced {
    readonly source: SourceKey;
}

export interface VmmVersion extends Sourced {
    /** As VMM's About box and the matrix write it: "2012 R2", "2016", ... */
    readonly name: string;
    readonly supported: boolean;
    readonly serverCoreSupported: boolean;
    /** Why it is not supported, or the condition it is supported under. */
    readonly note?: string;
}

/** System Center VMM versions, oldest first: host pairing (HOST_OSES.minimumVmm) compares by this order (P1). */
export const VMM_VERSIONS: readonly VmmVersion[] = [
    { name: "2012 R2", supported: true, serverCoreSupported: true, source: "SM26" },
    { name: "2016", supported: true, serverCoreSupported: true, source: "SM26" },
    { name: "2019", supported: true, serverCoreSupported: true, source: "SM26" },
    { name: "2022", supported: true, serverCoreSupported: false, note: "a server core installation of VMM 2022 is not supported", source: "SM26" },
    { name: "2025", supported: false, serverCoreSupported: false, note: "VMM 2025 is not listed in the support matrix; check the live matrix before relying on it", source: "SM26" },
];

/** Words people add around a VMM version ("System Center Virtual Machine Manager 2019"), ignored when matching. */
export const VMM_NAME_NOISE: readonly string[] = ["microsoft", "system", "center", "virtual", "machine", "manager", "scvmm", "vmm", "sc"];

export interface HostOs extends Sourced {
    readonly name: string;
    /** The Hyper-V Replica update the seed requires on 2012 R2 hosts. */
    readonly needsKb2961977: boolean;
    /** The oldest VMM that may manage it for Site Recovery (P7); undefined where the matrix sets none. */
    readonly minimumVmm?: string;
}

/** Host operating systems with the Hyper-V role (server core included) the matrix lists (P4, P7). */
export const HOST_OSES: readonly HostOs[] = [
    { name: "Windows Server 2012 R2", needsKb2961977: true, source: "SM26" },
    { name: "Hyper-V Server 2012 R2", needsKb2961977: true, source: "SEED" },
    { name: "Windows Server 2016", needsKb2961977: false, minimumVmm: "2016", source: "SM26" },
    { name: "Windows Server 2019", needsKb2961977: false, minimumVmm: "2019", source: "SM26" },
    { name: "Windows Server 2022", needsKb2961977: false, source: "SM26" },
];

/** Words people add before a host OS ("Microsoft Windows Server 2019 Datacenter"), ignored when matching. */
export const HOST_OS_NOISE: readonly string[] = ["microsoft"];

export const KB_2961977 = { id: "KB 2961977", url: "https://support.microsoft.com/kb/2961977", source: "SEED" } as const satisfies Sourced & { id: string; url: string };

/** Outbound access the VMM server and the hosts need (P3, P6). */
export const INTERNET = {
    port: 443,
    urls: [
        "login.microsoftonline.com",
        "*.hypervrecoverymanager.windowsazure.com",
        "*.blob.core.windows.net",
        "*.servicebus.windows.net",
        "*.backup.windowsazure.com",
        "time.windows.com",
        "time.nist.gov",
    ],
    authenticatingProxySupported: false,
    source: "ARCH19",
    urlSource: "URLS",
    proxySource: "SM26",
} as const;

/** Disk limits in GB (V3, V4), by replica mode where they differ. */
export const DISK_LIMITS = {
    osDiskCount: 1,
    /** 2 TB on generation 1; 4 TB on generation 2, over 2 TB only with managed-disk replication. */
    osDiskGB: { generation1: 2048, generation2: 4096, withoutManagedDisks: 2048 },
    dataDiskCount: 16,
    /** 32 TB with managed-disk replication, held by Azure's largest managed disk as 32,767 GiB; 4,095 GB otherwise. */
    dataDiskGB: { managed: 32_767, storageAccount: 4_095 },
    /** Disks over 2 TB (OS) or 4,095 GB (data) also need a Provider and agent later than this. */
    largeDiskProvider: "2.0.9214.0",
    source: "SM26",
} as const;

/** Why the matrix's EFI row is worth a note on large generation 2 OS disks: it still says "under 2 TB" (SM26). */
export const EFI_ROW = "the matrix's EFI row still says Windows Server 2012 or later, up to four partitions, OS disk under 2 TB";

/**
 * Disk and guest-storage features Site Recovery can't replicate (V5), as VMM shows them: what
 * the disk (or, for the last two, the VM) is, and what to do about it.
 */
export const UNSUPPORTED_STORAGE = {
    sharedVhd: { is: "is a shared VHD (shared cluster disk)", fix: "exclude it or protect the cluster another way", source: "SM26" },
    fibreChannel: { is: "is a Fibre Channel disk", fix: "move its data to a VHD or VHDX", source: "SM26" },
    // SM26 has no pass-through row; its disk formats are VHD and VHDX (SM18's "Hard disk
    // format" row), so a pass-through disk is not replicated.
    passThrough: { is: "is a pass-through disk, not a VHD or VHDX", fix: "move its data to a VHD or VHDX", source: "SM18" },
    sector4kn: { is: "has 4K logical and physical sectors (4K native)", fix: "use 512-byte or 512e (512 logical, 4K physical) sectors", source: "SM26" },
    bitlocker: { is: "is protected by BitLocker", fix: "disable BitLocker before enabling replication", source: "SM26" },
    encrypted: { is: "is encrypted", fix: "decrypt it before enabling replication", source: "SM26" },
    storageSpaces: { is: "uses Storage Spaces (or Storage Spaces Direct) in the guest", fix: "move the data to basic disks", source: "SM26" },
    guestSmb3: { is: "keeps data on SMB 3.0 storage mounted in the guest", fix: "move the data to the VM's own disks", source: "SM26" },
} as const satisfies Record<string, Sourced & { is: string; fix: string }>;

/** Guest OS (V2): 64-bit; 32-bit only for Windows Server 2008 (not R2, which is 64-bit only); no Nano Server. */
export const GUEST_OS = {
    bits: 64,
    thirtyTwoBitAllowed: /\bwindows server 2008\b(?!\s*r2)/i,
    unsupported: [{ pattern: /\bnano server\b/i, text: "Nano Server" }],
    source: "SM26",
} as const;

/** Generation 2 VMs (V6): replicated, failed over as generation 1, converted back at failback; UEFI Secure Boot is not supported. */
export const GENERATION_2 = { failsOverAs: 1, secureBootSupported: false, source: "SM26" } as const;

/** Guest networking (SM26, with VMM): NIC teaming and IPv6 not supported; static IP and several NICs are. */
export const GUEST_NETWORK = { nicTeamingSupported: false, ipv6Supported: false, source: "SM26" } as const;

/** Azure regions Hyper-V to Azure can't target, by programmatic name, as the region include names them. */
export const UNSUPPORTED_TARGET_REGIONS: Readonly<Record<string, string>> = {
    indiasouthcentral: "South Central India",
    northeastus5: "North East US 5",
};
export const TARGET_REGION_SOURCE: SourceKey = "REG26";

/** The replica modes the disk limits depend on: the portal's default is managed disks (HTUT26, asr-phase2 section 8). */
export const REPLICA_DISK_MODES = ["managed", "storageAccount"] as const;
export type ReplicaDisks = (typeof REPLICA_DISK_MODES)[number];
export const DEFAULT_REPLICA_DISKS: ReplicaDisks = "managed";

/** Where a named version or OS is found among `names`: the longest whose words start `given`, ignoring case, spacing and `noise` words before it. */
export function matchName(given: string, names: readonly string[], noise: readonly string[]): string | undefined {
    const words = given
        .toLowerCase()
        .replace(/(\d{4})r2\b/g, "$1 r2")
        .split(/[\s_]+/)
        .filter((word) => word !== "");
    while (words.length > 0 && noise.includes(words[0]!)) {
        words.shift();
    }
    let best: string | undefined;
    let bestLength = 0;
    for (const name of names) {
        const nameWords = name.toLowerCase().split(/\s+/);
        if (nameWords.length > bestLength && nameWords.every((word, i) => words[i] === word)) {
            best = name;
            bestLength = nameWords.length;
        }
    }
    return best;
}

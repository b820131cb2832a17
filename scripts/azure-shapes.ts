// Writes engine/azure-shapes.data.json: the output shapes of the azure-native resources we read,
// taken from the installed SDK's typings with the TypeScript parser (no type checker: the
// typings name every type explicitly, and parsing alone keeps a run near a second).
// test/engine/azure-shapes.test.ts fails until this is rerun after an SDK upgrade.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as ts from "typescript";
import { SHAPES_FILE, type AzureShapes, type ResourceShape, type Shape } from "../engine/azure-shapes";

/**
 * The resources by module: a name must exist, a pattern takes every resource it matches. Ours,
 * the ones foreign Hyper-V sites tie to them, and one unrelated resource foreign stacks have.
 * Private DNS zones and their links live in `privatedns`, not `network`.
 */
export const SELECTED: Readonly<Record<string, readonly (string | RegExp)[]>> = {
    authorization: ["ManagementLockAtResourceGroupLevel", "ManagementLockByScope", "RoleAssignment"],
    compute: ["VirtualMachine"],
    keyvault: ["Vault"],
    network: ["NetworkSecurityGroup", "PrivateDnsZoneGroup", "PrivateEndpoint", "Subnet", "VirtualNetwork", "VirtualNetworkPeering"],
    privatedns: ["PrivateZone", "VirtualNetworkLink"],
    recoveryservices: ["PrivateEndpointConnection", "Vault", /^Replication/],
    resources: ["ResourceGroup"],
    storage: ["BlobServiceProperties", "StorageAccount"],
};

const SDK_DIR = dirname(require.resolve("@pulumi/azure-native/package.json"));

export interface Generated {
    shapes: AzureShapes;
    /** Types the Shape grammar cannot express, as `<where>: <type>`; each is written as "any". */
    unexpressed: string[];
}

function parse(file: string): ts.SourceFile {
    return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

function propertyName(name: ts.PropertyName): string {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) {
        return name.text;
    }
    throw new Error(`unexpected property name ${name.getText()}`);
}

function byName<T>(entries: Iterable<[string, T]>): Record<string, T> {
    return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The interfaces of types/output.d.ts by `<module>.<TypeName>`, the way `outputs.<module>.<TypeName>` names them. */
function outputInterfaces(): Map<string, ts.InterfaceDeclaration> {
    const found = new Map<string, ts.InterfaceDeclaration>();
    const visit = (statements: ts.NodeArray<ts.Statement>, prefix: string): void => {
        for (const statement of statements) {
            if (ts.isInterfaceDeclaration(statement)) {
                found.set(`${prefix}${statement.name.text}`, statement);
            } else if (ts.isModuleDeclaration(statement) && statement.body !== undefined && ts.isModuleBlock(statement.body)) {
                visit(statement.body.statements, `${prefix}${statement.name.text}.`);
            }
        }
    };
    visit(parse(join(SDK_DIR, "types", "output.d.ts")).statements, "");
    return found;
}

function entityName(name: ts.EntityName): string {
    return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

class ShapeReader {
    readonly types = new Map<string, Shape>();
    readonly unexpressed: string[] = [];
    private readonly seen = new Set<string>();
    private readonly pending: string[] = [];

    constructor(private readonly interfaces: Map<string, ts.InterfaceDeclaration>) {}

    shape(node: ts.TypeNode, where: string): Shape {
        if (ts.isParenthesizedTypeNode(node)) {
            return this.shape(node.type, where);
        }
        switch (node.kind) {
            case ts.SyntaxKind.StringKeyword:
                return "string";
            case ts.SyntaxKind.NumberKeyword:
                return "number";
            case ts.SyntaxKind.BooleanKeyword:
                return "boolean";
            case ts.SyntaxKind.AnyKeyword:
                return "any";
        }
        if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
            return { const: node.literal.text };
        }
        if (ts.isArrayTypeNode(node)) {
            return { array: this.shape(node.elementType, `${where}[]`) };
        }
        if (ts.isUnionTypeNode(node)) {
            return this.union(node, where);
        }
        if (ts.isTypeLiteralNode(node)) {
            return this.literal(node, where);
        }
        if (ts.isTypeReferenceNode(node)) {
            const name = entityName(node.typeName);
            if (name.startsWith("enums.")) {
                // azure-native's enums are string enums, always offered next to `string`.
                return "string";
            }
            if (name.startsWith("outputs.")) {
                return this.ref(name.slice("outputs.".length));
            }
        }
        return this.cannot(node, where);
    }

    /** Shapes of every named type the read shapes refer to, transitively. */
    resolvePending(): void {
        for (let ref = this.pending.pop(); ref !== undefined; ref = this.pending.pop()) {
            const declaration = this.interfaces.get(ref);
            if (declaration === undefined) {
                throw new Error(`types/output.d.ts has no interface ${ref}`);
            }
            if (declaration.heritageClauses !== undefined) {
                throw new Error(`${ref} extends another interface, which the reader does not follow`);
            }
            this.types.set(ref, { object: this.members(declaration.members, ref) });
        }
    }

    members(members: ts.NodeArray<ts.TypeElement>, where: string): Record<string, Shape> {
        return byName(
            members.map((member) => {
                if (!ts.isPropertySignature(member) || member.type === undefined) {
                    throw new Error(`${where} has a member that is not a typed property`);
                }
                const name = propertyName(member.name);
                return [name, this.shape(member.type, `${where}.${name}`)];
            }),
        );
    }

    private ref(ref: string): Shape {
        if (!this.seen.has(ref)) {
            this.seen.add(ref);
            this.pending.push(ref);
        }
        return { ref };
    }

    private union(node: ts.UnionTypeNode, where: string): Shape {
        const members = node.types.filter(
            (member) =>
                member.kind !== ts.SyntaxKind.UndefinedKeyword &&
                !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword),
        );
        const [only] = members;
        if (members.length === 1 && only !== undefined) {
            return this.shape(only, where);
        }
        const shapes = members.map((member) => this.shape(member, where));
        const literals = shapes.flatMap((shape) => (typeof shape === "object" && "const" in shape ? [shape.const] : []));
        if (literals.length === shapes.length) {
            return { enum: literals };
        }
        if (shapes.includes("string") && shapes.every((shape) => shape === "string" || (typeof shape === "object" && "const" in shape))) {
            return "string";
        }
        if (shapes.every((shape) => typeof shape === "object" && ("ref" in shape || "object" in shape))) {
            return { oneOf: shapes };
        }
        return this.cannot(node, where);
    }

    private literal(node: ts.TypeLiteralNode, where: string): Shape {
        const [index] = node.members;
        if (node.members.length === 1 && index !== undefined && ts.isIndexSignatureDeclaration(index)) {
            const key = index.parameters[0]?.type;
            if (key?.kind === ts.SyntaxKind.StringKeyword) {
                return { map: this.shape(index.type, `${where}{}`) };
            }
        }
        if (node.members.every(ts.isPropertySignature)) {
            return { object: this.members(node.members, where) };
        }
        return this.cannot(node, where);
    }

    private cannot(node: ts.TypeNode, where: string): Shape {
        this.unexpressed.push(`${where}: ${node.getText()}`);
        return "any";
    }
}

interface ResourceFile {
    module: string;
    className: string;
    file: string;
}

/** The resource files of a module the selection names; a name that is not there is an error. */
function selectedFiles(module: string, wanted: readonly (string | RegExp)[]): ResourceFile[] {
    const classes = readdirSync(join(SDK_DIR, module))
        .filter((file) => file.endsWith(".d.ts") && file !== "index.d.ts")
        .map((file) => ({ module, file: join(SDK_DIR, module, file), className: file[0]!.toUpperCase() + file.slice(1, -".d.ts".length) }));
    return wanted.flatMap((want) => {
        if (typeof want === "string") {
            const found = classes.find((candidate) => candidate.className === want);
            if (found === undefined) {
                throw new Error(`@pulumi/azure-native has no ${module}.${want}`);
            }
            return [found];
        }
        return classes.filter((candidate) => want.test(candidate.className));
    });
}

/** `azure-native:<module>:<Resource>` as the resource's class registers itself. */
function typeToken({ file }: ResourceFile): string {
    const token = /__pulumiType = '([^']+)'/.exec(readFileSync(file.replace(/\.d\.ts$/, ".js"), "utf8"))?.[1];
    if (token === undefined) {
        throw new Error(`${file} declares no type token`);
    }
    return token;
}

/** The `pulumi.Output<T>` of an output property: its T. */
function outputType(property: ts.PropertyDeclaration, where: string): ts.TypeNode {
    const type = property.type;
    if (type !== undefined && ts.isTypeReferenceNode(type) && entityName(type.typeName) === "pulumi.Output") {
        const [inner] = type.typeArguments ?? [];
        if (inner !== undefined) {
            return inner;
        }
    }
    throw new Error(`${where} is not a pulumi.Output`);
}

function readResource(resource: ResourceFile, reader: ShapeReader): ResourceShape {
    const source = parse(resource.file);
    const declared = source.statements.find(
        (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === resource.className,
    );
    const args = source.statements.find(
        (statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === `${resource.className}Args`,
    );
    if (declared === undefined || args === undefined) {
        throw new Error(`${resource.file} lacks class ${resource.className} or interface ${resource.className}Args`);
    }
    const outputs = declared.members.flatMap((member) => {
        const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
        const isOutput =
            ts.isPropertyDeclaration(member) &&
            modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword) &&
            !modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (!isOutput) {
            return [];
        }
        const name = propertyName(member.name);
        if (name === "id" || name === "urn") {
            return [];
        }
        const where = `${resource.module}.${resource.className}.${name}`;
        return [[name, reader.shape(outputType(member, where), where)] as [string, Shape]];
    });
    const inputs = args.members.map((member) => {
        if (!ts.isPropertySignature(member)) {
            throw new Error(`${resource.className}Args has a member that is not a property`);
        }
        return propertyName(member.name);
    });
    return { inputs: inputs.sort(), outputs: byName(outputs) };
}

let interfaces: Map<string, ts.InterfaceDeclaration> | undefined;

/** Reads the shapes from the installed SDK; types/output.d.ts (8 MB) is parsed once per process. */
export function generate(): Generated {
    interfaces ??= outputInterfaces();
    const reader = new ShapeReader(interfaces);
    const files = Object.entries(SELECTED).flatMap(([module, wanted]) => selectedFiles(module, wanted));
    const resources = byName(files.map((file) => [typeToken(file), readResource(file, reader)] as [string, ResourceShape]));
    reader.resolvePending();
    const { version } = JSON.parse(readFileSync(join(SDK_DIR, "package.json"), "utf8")) as { version: string };
    return { shapes: { azureNative: version, resources, types: byName(reader.types) }, unexpressed: reader.unexpressed };
}

/** One resource and one type a line: small diffs after an SDK upgrade, and no indentation to pay for. */
export function render(shapes: AzureShapes): string {
    const entries = (record: Record<string, unknown>): string =>
        Object.entries(record)
            .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
            .join(",\n");
    return `{\n"azureNative": ${JSON.stringify(shapes.azureNative)},\n"resources": {\n${entries(shapes.resources)}\n},\n"types": {\n${entries(shapes.types)}\n}\n}\n`;
}

if (require.main === module) {
    const started = Date.now();
    const { shapes, unexpressed } = generate();
    const text = render(shapes);
    writeFileSync(SHAPES_FILE, text);
    const counts = `${Object.keys(shapes.resources).length} resources, ${Object.keys(shapes.types).length} types`;
    process.stdout.write(`${SHAPES_FILE}: @pulumi/azure-native ${shapes.azureNative}, ${counts}, ${text.length} bytes, ${Date.now() - started} ms\n`);
    for (const where of unexpressed) {
        process.stderr.write(`written as "any" (the shape grammar cannot express it): ${where}\n`);
    }
}

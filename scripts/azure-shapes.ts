// Writes engine/azure-shapes.data.json: the output shapes of the azure-native resources we read,
// and the path parameters of every azure-native resource, taken from the installed SDK's
// typings with the TypeScript parser (no type checker: the typings name every type explicitly,
// and parsing alone keeps a run to a few seconds).
// test/engine/azure-shapes.test.ts fails until this is rerun after an SDK upgrade.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as ts from "typescript";
import { SHAPES_FILE, type AzureShapes, type ResourceNames, type ResourceShape, type Shape } from "../engine/azure-shapes";

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

/** Every typings file of a module but its index: resources, functions (`getVault`) and the like. */
function moduleFiles(module: string): ResourceFile[] {
    return readdirSync(join(SDK_DIR, module))
        .filter((file) => file.endsWith(".d.ts") && file !== "index.d.ts")
        .map((file) => ({ module, file: join(SDK_DIR, module, file), className: file[0]!.toUpperCase() + file.slice(1, -".d.ts".length) }));
}

/**
 * The resource files of every module: those that declare a custom resource. The class is named
 * by its declaration, not its file (`s3accessControlPolicy.d.ts` declares `S3AccessControlPolicy`).
 */
function allResourceFiles(): ResourceFile[] {
    const modules = readdirSync(SDK_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== "types");
    return modules
        .flatMap((module) => moduleFiles(module.name))
        .flatMap((resource) => {
            const className = /^export declare class (\w+) extends pulumi\.CustomResource /m.exec(readFileSync(resource.file, "utf8"))?.[1];
            return className === undefined ? [] : [{ ...resource, className }];
        });
}

/** The resource files of a module the selection names; a name that is not there is an error. */
function selectedFiles(module: string, wanted: readonly (string | RegExp)[]): ResourceFile[] {
    const classes = moduleFiles(module);
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

function interfaceNamed(source: ts.SourceFile, name: string): ts.InterfaceDeclaration | undefined {
    return source.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
}

/**
 * One top-level interface of a typings file, parsed alone: a resource's typings are mostly its
 * class, and parsing 2,000 classes only to read their `Args` would double the run.
 */
function interfaceIn(file: string, name: string): ts.InterfaceDeclaration | undefined {
    const text = readFileSync(file, "utf8");
    const start = text.indexOf(`export interface ${name} {`);
    if (start < 0) {
        return undefined;
    }
    const source = ts.createSourceFile(file, text.slice(start, text.indexOf("\n}", start) + 2), ts.ScriptTarget.Latest, true);
    return interfaceNamed(source, name);
}

/** The resource's class and its `<Resource>Args`. */
function declarations(resource: ResourceFile): { declared: ts.ClassDeclaration; args: ts.InterfaceDeclaration } {
    const source = parse(resource.file);
    const declared = source.statements.find(
        (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === resource.className,
    );
    const args = interfaceNamed(source, `${resource.className}Args`);
    if (declared === undefined || args === undefined) {
        throw new Error(`${resource.file} lacks class ${resource.className} or interface ${resource.className}Args`);
    }
    return { declared, args };
}

/** The output properties of a resource class but `id` and `urn`. */
function outputProperties(declared: ts.ClassDeclaration): ts.PropertyDeclaration[] {
    return declared.members.filter((member): member is ts.PropertyDeclaration => {
        const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
        return (
            ts.isPropertyDeclaration(member) &&
            modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword) &&
            !modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
            !["id", "urn"].includes(propertyName(member.name))
        );
    });
}

function properties(declaration: ts.InterfaceDeclaration): ts.PropertySignature[] {
    return declaration.members.map((member) => {
        if (!ts.isPropertySignature(member)) {
            throw new Error(`${declaration.name.text} has a member that is not a property`);
        }
        return member;
    });
}

function readResource(resource: ResourceFile, reader: ShapeReader): ResourceShape {
    const { declared, args } = declarations(resource);
    const outputs = outputProperties(declared).map((member) => {
        const name = propertyName(member.name);
        const where = `${resource.module}.${resource.className}.${name}`;
        return [name, reader.shape(outputType(member, where), where)] as [string, Shape];
    });
    const inputs = properties(args).map((member) => propertyName(member.name));
    return { inputs: inputs.sort(), outputs: byName(outputs) };
}

/**
 * A resource's path parameters and, among them, the input that holds its own Azure name.
 * azure-native names a resource from its Pulumi name when that input is omitted, so it is the
 * one path parameter that is optional in `<Resource>Args`; parents and scope are required. The
 * path parameters are what `get<Resource>` requires, a read needing the whole path. The few
 * resources without a `get<Resource>` (settings such as `WebAppAuthSettings`) fall back to the
 * string inputs Azure does not answer with: path parameters are not in the response, but every
 * response has `name`, so `name` stays a candidate.
 */
function readNames(resource: ResourceFile): ResourceNames {
    const args = interfaceIn(resource.file, `${resource.className}Args`);
    if (args === undefined) {
        throw new Error(`${resource.file} lacks interface ${resource.className}Args`);
    }
    const inputs = properties(args).map((member) => ({
        name: propertyName(member.name),
        optional: member.questionToken !== undefined,
        text: /^pulumi\.Input<string( \| undefined)?>$/.test(member.type?.getText() ?? ""),
    }));
    const getFile = join(dirname(resource.file), `get${resource.className}.d.ts`);
    let path: typeof inputs;
    if (existsSync(getFile)) {
        const getArgs = interfaceIn(getFile, `Get${resource.className}Args`);
        const required = new Set(getArgs === undefined ? [] : properties(getArgs).flatMap((member) => (member.questionToken === undefined ? [propertyName(member.name)] : [])));
        path = inputs.filter((input) => required.has(input.name));
    } else {
        const outputs = new Set(outputProperties(declarations(resource).declared).map((member) => propertyName(member.name)));
        path = inputs.filter((input) => input.text && (input.name === "name" || !outputs.has(input.name)));
    }
    const [own, ...others] = path.filter((input) => input.optional);
    const parents = path.flatMap((input) => (input.optional ? [] : [input.name])).sort();
    return own !== undefined && others.length === 0 ? { name: own.name, parents } : { parents };
}

let interfaces: Map<string, ts.InterfaceDeclaration> | undefined;

/** Reads the shapes from the installed SDK; types/output.d.ts (8 MB) is parsed once per process. */
export function generate(): Generated {
    interfaces ??= outputInterfaces();
    const reader = new ShapeReader(interfaces);
    const files = Object.entries(SELECTED).flatMap(([module, wanted]) => selectedFiles(module, wanted));
    const resources = byName(files.map((file) => [typeToken(file), readResource(file, reader)] as [string, ResourceShape]));
    reader.resolvePending();
    const names = byName(allResourceFiles().map((file) => [typeToken(file), readNames(file)] as [string, ResourceNames]));
    const { version } = JSON.parse(readFileSync(join(SDK_DIR, "package.json"), "utf8")) as { version: string };
    return { shapes: { azureNative: version, resources, types: byName(reader.types), names }, unexpressed: reader.unexpressed };
}

/** One resource and one type a line: small diffs after an SDK upgrade, and no indentation to pay for. */
export function render(shapes: AzureShapes): string {
    const entries = (record: Record<string, unknown>): string =>
        Object.entries(record)
            .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
            .join(",\n");
    return `{\n"azureNative": ${JSON.stringify(shapes.azureNative)},\n"resources": {\n${entries(shapes.resources)}\n},\n"types": {\n${entries(shapes.types)}\n},\n"names": {\n${entries(shapes.names)}\n}\n}\n`;
}

if (require.main === module) {
    const started = Date.now();
    const { shapes, unexpressed } = generate();
    const text = render(shapes);
    writeFileSync(SHAPES_FILE, text);
    const counts = `${Object.keys(shapes.resources).length} resources, ${Object.keys(shapes.types).length} types, ${Object.keys(shapes.names).length} names`;
    process.stdout.write(`${SHAPES_FILE}: @pulumi/azure-native ${shapes.azureNative}, ${counts}, ${text.length} bytes, ${Date.now() - started} ms\n`);
    for (const where of unexpressed) {
        process.stderr.write(`written as "any" (the shape grammar cannot express it): ${where}\n`);
    }
}

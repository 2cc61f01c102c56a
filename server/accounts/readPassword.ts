import { AccountRefusal } from './accountAdmin';

// A password for the accounts command: from stdin (--password-stdin: its first line, for scripts), or typed at a prompt
// without echo, twice. Never from the command line, where `ps` and shell history would show it.

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
}

function prompt(question: string): Promise<string> {
    const { stdin, stderr } = process;
    return new Promise((resolve, reject) => {
        let typed = '';
        stderr.write(question);
        stdin.setRawMode(true);
        stdin.resume();
        const done = (result: () => void) => {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            stderr.write('\n');
            result();
        };
        const onData = (data: Buffer) => {
            for (const char of data.toString('utf8')) {
                if (char === '\r' || char === '\n') return done(() => resolve(typed));
                if (char === '\u0003') return done(() => reject(new AccountRefusal('interrupted')));
                if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
                else typed += char;
            }
        };
        stdin.on('data', onData);
    });
}

export async function readPassword({ fromStdin }: { fromStdin: boolean }): Promise<string> {
    if (fromStdin) return (await readAll(process.stdin)).split(/\r?\n/)[0] ?? '';
    if (!process.stdin.isTTY) throw new AccountRefusal('no terminal to type the password at: pipe it with --password-stdin');
    const first = await prompt('Password: ');
    const again = await prompt('Password again: ');
    if (first !== again) throw new AccountRefusal('the two passwords differ');
    return first;
}

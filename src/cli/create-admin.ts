import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { read } from 'read';
import { DataSource } from 'typeorm';
import { Role } from '../common/auth/role.enum';
import { DomainError } from '../common/errors/domain-error';
import { translatePgError } from '../common/errors/pg-errors';
import { fieldProblems } from '../common/validation/input-validation.pipe';
import { CreateUserInput } from '../modules/user/dto/create-user.input';
import { UserEntity } from '../modules/user/user.entity';
import { ClientRequests } from '../modules/client-request/client-requests.service';
import { UserService } from '../modules/user/user.service';
import { AuditService } from '../modules/audit/audit.service';
import '../modules/user/user.errors';

/** ADMIN_PASSWORD, else standard input: all of it when piped, one line at the prompt on a terminal. */
export async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  // At a terminal the typed password is not shown (the `read` package mutes the echo).
  return read({ prompt: 'Password for the new admin: ', silent: true, replace: '' });
}

/** Validates like the createUser mutation and creates the user with role ADMIN. */
export async function createAdmin(ds: DataSource, fields: { email: string; displayName: string; password: string }): Promise<UserEntity> {
  const input = plainToInstance(CreateUserInput, { ...fields, role: Role.ADMIN });
  const errors = await validate(input);
  if (errors.length)
    throw new Error(
      fieldProblems(errors)
        .map((p) => p.message)
        .join('; '),
    );
  try {
    return await new UserService(ds, new AuditService(ds), new ClientRequests()).create(null, input);
  } catch (err) {
    const domain = err instanceof DomainError ? err : translatePgError(err);
    throw domain ? new Error(domain.message) : err;
  }
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A create mutation a client has made with its own `clientId`: a retry (the answer was lost)
 * finds the row and gets the record the first call created, instead of a second one. Keyed per
 * user and operation, so two users' or two operations' ids never collide. Appended, never changed.
 */
@Entity('client_request')
export class ClientRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  actorId: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  operation: string;

  @PrimaryColumn({ type: 'uuid' })
  clientId: string;

  /** sha256 of the request's content: the same clientId with other content is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  /** The record the first call created. */
  @Column({ type: 'uuid' })
  entityId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

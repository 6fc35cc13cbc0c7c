// Search from every summit screen: requests and meetings, people, delegations, rooms and programme
// events by name, id or topic, each hit in names with its date and time. "/" jumps here; Enter on
// a hit opens it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { ResponseOf } from '../api/types';
import { localDate, spanLabel } from '../lib/time';
import { useSummitScope } from './summit-context';

/** One hit of the search. */
export type SearchHit = ResponseOf<'/api/summits/{summit}/search', 'get'>['hits'][number];

const KIND_LABEL: Readonly<Record<SearchHit['kind'], string>> = {
  request: 'Request',
  meeting: 'Meeting',
  person: 'Person',
  room: 'Room',
  delegation: 'Delegation',
  event: 'Programme',
};

/** Where a hit leads. */
export function hrefOf(summit: string, zone: string, hit: SearchHit): string {
  const base = `/s/${summit}`;
  switch (hit.kind) {
    case 'request':
    case 'meeting':
      return hit.request
        ? `${base}/requests/${hit.request}`
        : `${base}/schedule?day=${hit.start ? localDate(hit.start, zone) : ''}`;
    case 'person':
      return `${base}/people/${hit.id}`;
    case 'room':
      return `${base}/rooms/${hit.id}`;
    case 'delegation':
      return `${base}/requests?party=${hit.id}`;
    case 'event':
      return `${base}/schedule?day=${hit.start ? localDate(hit.start, zone) : ''}`;
  }
}

/** The search box of the header. */
export function SearchBox(props: { compact?: boolean }) {
  const { summit } = useSummitScope();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);

  // ask once typing pauses
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  // "/" anywhere but in a text field puts the cursor here
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing = el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hits = useQuery({
    queryKey: ['summit', summit.id, 'search', query],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/summits/{summit}/search', {
            params: { path: { summit: summit.id }, query: { q: query, limit: 12 } },
          }),
        )
      ).hits,
    enabled: query.length >= 2,
    staleTime: 30_000,
  });
  const items = query.length >= 2 ? (hits.data ?? []) : [];
  const keyOf = (h: SearchHit) => `${h.kind}:${h.id}`;

  return (
    <ComboBox
      className={`search-box${props.compact ? ' compact' : ''}`}
      inputValue={text}
      onInputChange={setText}
      items={items}
      menuTrigger="input"
      allowsEmptyCollection
      onSelectionChange={(key) => {
        const hit = items.find((h) => keyOf(h) === key);
        if (!hit) return;
        setText('');
        void navigate(hrefOf(summit.id, summit.timezone, hit));
      }}
    >
      <Label className="visually-hidden">Search requests, meetings, people and rooms</Label>
      <Input ref={input} placeholder="Search requests, people, rooms…  /" className="search-input" />
      <Popover className="popover search-popover" placement="bottom end">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="search-empty">
              {query.length < 2
                ? 'Type two letters or more'
                : hits.isFetching
                  ? 'Searching…'
                  : `Nothing found for “${query}”`}
            </p>
          )}
        >
          {(h: SearchHit) => (
            <ListBoxItem
              id={keyOf(h)}
              className="listbox-item search-hit"
              textValue={`${h.title} ${h.detail}`}
            >
              <span className="search-kind">{KIND_LABEL[h.kind]}</span>
              <span className="search-title">{h.title}</span>
              <span className="search-detail">
                {h.start && h.end
                  ? `${spanLabel(h.start, h.end, summit.timezone)}${h.detail ? ' · ' : ''}`
                  : ''}
                {h.detail}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
